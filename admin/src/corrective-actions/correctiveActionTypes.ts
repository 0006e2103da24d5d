import type { CorrectiveActionStatus, SlaState } from '@adaldesk/libs';

/** A corrective action as `GET /api/corrective-actions/:id` returns it. */
export interface CorrectiveActionRecord {
  id: string;
  number: string;
  findingId: string;
  inspectionId: string;
  regionId: string;
  leadInspectorId: string;
  inspectorIds: string[];
  description: string;
  responsibleOrganisationId: string | null;
  responsiblePersonName: string;
  responsiblePersonPosition: string | null;
  status: CorrectiveActionStatus;
  issuedAt: string;
  dueOn: string | null;
  termWorkingDays: number | null;
  extensionDays: number;
  dueAt: string;
  warningAt: string;
  decidedAt: string | null;
  slaState: SlaState;
  reportedOn: string | null;
  reportNote: string | null;
  verifiedOn: string | null;
  verificationNote: string | null;
  verifiedById: string | null;
  rejectionReason: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
