import type { AppealChannel, AppealKind, AppealOutcome, AppealStatus, Role, SlaState } from '@adaldesk/libs';

/** An appeal as `GET /api/appeals/:id` returns it; applicant fields are absent for those who may not read them. */
export interface AppealRecord {
  id: string;
  number: string;
  channel: AppealChannel;
  kind: AppealKind;
  receivedAt: string;
  registeredAt: string;
  registeredById: string;
  regionId: string;
  organisationId: string | null;
  categoryId: string | null;
  assigneeId: string | null;
  description: string;
  anonymous: boolean;
  confidential: boolean;
  applicantName?: string | null;
  applicantIin?: string | null;
  applicantBin?: string | null;
  applicantPhone?: string | null;
  applicantEmail?: string | null;
  applicantAddress?: string | null;
  status: AppealStatus;
  outcome: AppealOutcome | null;
  resolutionText: string | null;
  forwardedToId: string | null;
  /** Left out for inspectors and auditors, and when the earlier appeal is one the reader may not read. */
  duplicateOfId?: string | null;
  slaPolicyId: string;
  slaStartedAt: string;
  slaPauses: Array<{ from: string; to: string | null }>;
  pausedSince: string | null;
  extensionDays: number;
  extensionRequest: { days: number; reason: string; requestedById: string; requestedAt: string } | null;
  dueAt: string;
  warningAt: string;
  decidedAt: string | null;
  slaState: SlaState;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One step in an appeal's history (`GET /api/appeals/:id/timeline`), oldest first. */
export interface AppealTimelineEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** `GET /api/appeals/deadline`: when an appeal received now would be registered and due. */
export interface DeadlinePreview {
  registeredAt: string;
  dueAt: string;
  warningAt: string;
  policy: { id: string; code: string; name: string; goalAmount: number; goalUnit: string };
}
