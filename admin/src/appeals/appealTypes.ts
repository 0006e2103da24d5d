import type { ApiAnswer, ApiSchema, Shown } from '../api/types';
import type { AppealChannel, AppealKind, AppealOutcome, AppealStatus, Role, SlaState } from '@adaldesk/libs';

/**
 * An appeal as `GET /api/appeals/:id` answers: the fields and their types from the contract, with
 * the values AdalDesk gives its codes; the applicant's details and the link to an earlier appeal are
 * left out for those who may not read them.
 */
export type AppealRecord = Shown<
  ApiSchema<'Appeal'>,
  | 'applicantName'
  | 'applicantIin'
  | 'applicantBin'
  | 'applicantPhone'
  | 'applicantEmail'
  | 'applicantAddress'
  | 'duplicateOfId'
> & {
  channel: AppealChannel;
  kind: AppealKind;
  status: AppealStatus;
  outcome: AppealOutcome | null;
  slaPauses: Array<{ from: string; to: string | null }>;
  extensionRequest: { days: number; reason: string; requestedById: string; requestedAt: string } | null;
  slaState: SlaState;
};

/** One step in an appeal's history (`GET /api/appeals/:id/timeline`), oldest first. */
export type AppealTimelineEvent = ApiSchema<'TimelineEntry'> & { actorRole: Role | null };

/** `GET /api/appeals/deadline`: when an appeal received now would be registered and due. */
export type DeadlinePreview = ApiAnswer<'AppealsController_deadline'>;
