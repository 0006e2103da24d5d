import type {
  ChecklistEntry,
  DisciplinaryOutcome,
  EvidenceContentType,
  FindingKind,
  FindingSeverity,
  InspectionStatus,
  InspectionType,
} from '@adaldesk/libs';

/** An inspection as `GET /api/inspections/:id` returns it. */
export interface InspectionRecord {
  id: string;
  number: string;
  type: InspectionType;
  organisationId: string;
  regionId: string;
  leadInspectorId: string;
  teamIds: string[];
  createdById: string;
  plannedStartOn: string;
  plannedEndOn: string;
  actualStartOn: string | null;
  actualEndOn: string | null;
  checklist: ChecklistEntry[];
  notes: string | null;
  summary: string | null;
  status: InspectionStatus;
  cancelReason: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  version: number;
}

/** A finding as `GET /api/findings/:id` returns it; `amount` is tenge as an exact decimal string. */
export interface FindingRecord {
  id: string;
  number: string;
  inspectionId: string;
  regionId: string;
  kind: FindingKind;
  severity: FindingSeverity;
  amount: string | null;
  description: string;
  officials: Array<{ fullName: string; position: string | null; outcome: DisciplinaryOutcome }>;
  recommendedMeasure: string | null;
  /** Left out for those who may not read the linked appeal. */
  appealId?: string | null;
  openedAppealId?: string | null;
  createdById: string;
  createdAt: string;
  version: number;
}

/** An evidence file's metadata (`GET /api/evidence-files`); its bytes are at `/:id/content`. */
export interface EvidenceRecord {
  id: string;
  findingId: string;
  inspectionId: string;
  regionId: string;
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  sha256: string;
  uploadedById: string;
  createdAt: string;
}
