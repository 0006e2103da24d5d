import { defineWorkflow } from '../workflow/workflow.js';
/** Applicant identity fields: hidden from inspectors and auditors everywhere (lists, exports, audit). */
export const APPLICANT_PERSONAL_FIELDS = [
  'applicantName',
  'applicantIin',
  'applicantBin',
  'applicantPhone',
  'applicantEmail',
  'applicantAddress',
] as const;

export const APPEAL_CHANNELS = [
  'front_office',
  'call_center_109',
  'portal',
  'social_media',
  'reception',
  'live_broadcast',
  'email',
  'letter',
] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** `report` is a report of corruption: an anonymous one is still considered (forwarded at once). */
export const APPEAL_KINDS = ['complaint', 'request', 'proposal', 'report'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_STATUSES = [
  'registered',
  'triaged',
  'in_progress',
  'awaiting_info',
  'resolved',
  'closed',
  'forwarded',
  'reopened',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_OUTCOMES = ['satisfied', 'explained', 'rejected', 'partially_satisfied'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Outcomes that count as resolved in the citizen's favour for the resolution rate. */
export const FAVOURABLE_OUTCOMES: readonly AppealOutcome[] = ['satisfied', 'partially_satisfied'];

/**
 * Decided by the office itself, with an outcome: what the resolution rate and SLA compliance count
 * (forwarded appeals are decided too, but counted apart) and what may be reopened.
 */
export const RESOLVED_APPEAL_STATUSES: readonly AppealStatus[] = ['resolved', 'closed'];

/** Statuses in which the appeal is decided: the SLA clock has stopped for good (until a reopen). */
export const DECIDED_APPEAL_STATUSES: readonly AppealStatus[] = [...RESOLVED_APPEAL_STATUSES, 'forwarded'];

/** Those who work an appeal: officers, and managers over their region. */
const APPEAL_WORKERS = ['officer', 'manager'] as const;
/** A head's decision: extending a legal deadline, closing, reopening. */
const APPEAL_HEADS = ['manager'] as const;
/** A reason in words, for the record and for the applicant. */
const REASON = { type: 'text', min: 5, max: 5_000 } as const;

/**
 * The workflow steps, `POST /api/appeals/:id/actions/<action>`, each with the statuses it starts from
 * and the status it leads to, who takes it and what it asks. Extension steps keep the status and move
 * the deadline instead.
 */
export const appealWorkflow = defineWorkflow<AppealStatus>()({
  triage: {
    from: ['registered', 'triaged'],
    to: 'triaged',
    by: APPEAL_WORKERS,
    fields: {
      categoryId: { type: 'id', of: 'a category' },
      organisationId: { type: 'id', of: 'an organisation', optional: true },
      assigneeId: { type: 'id', of: 'a user', optional: true },
    },
  },
  start: { from: ['triaged', 'reopened'], to: 'in_progress', by: APPEAL_WORKERS },
  'request-info': { from: ['in_progress'], to: 'awaiting_info', by: APPEAL_WORKERS, fields: { reason: REASON } },
  resume: { from: ['awaiting_info'], to: 'in_progress', by: APPEAL_WORKERS },
  'request-extension': {
    from: ['in_progress', 'awaiting_info'],
    to: null,
    by: APPEAL_WORKERS,
    fields: { days: { type: 'integer', unit: 'working days', min: 1, max: 365 }, reason: REASON },
  },
  'approve-extension': { from: ['in_progress', 'awaiting_info'], to: null, by: APPEAL_HEADS },
  forward: {
    from: ['registered', 'triaged', 'in_progress'],
    to: 'forwarded',
    by: APPEAL_WORKERS,
    fields: { forwardedToId: { type: 'id', of: 'an organisation' }, reason: REASON },
  },
  resolve: {
    from: ['in_progress'],
    to: 'resolved',
    by: APPEAL_WORKERS,
    fields: {
      outcome: { type: 'choice', values: APPEAL_OUTCOMES },
      resolutionText: { type: 'text', min: 10, max: 20_000 },
    },
  },
  close: { from: ['resolved'], to: 'closed', by: APPEAL_HEADS },
  reopen: { from: RESOLVED_APPEAL_STATUSES, to: 'reopened', by: APPEAL_HEADS, fields: { reason: REASON } },
});
export const APPEAL_WORKFLOW = appealWorkflow.steps;

export type AppealAction = keyof typeof APPEAL_WORKFLOW;
export const APPEAL_ACTIONS = appealWorkflow.actions as AppealAction[];
export const isAppealAction = appealWorkflow.isAction;
/** The actions the workflow allows from `status` (permissions aside). */
export const appealActionsFrom = appealWorkflow.actionsFrom;
/** The status `action` leads to from `status`, or the actions allowed from there. */
export const nextAppealStatus = appealWorkflow.next;

/** Days an appeal from the same applicant about the same organisation counts as a possible duplicate. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** `AP-2026-000123`: the year of registration and a number from one sequence. */
export function formatAppealNumber(year: number, sequence: number): string {
  return `AP-${year}-${String(sequence).padStart(6, '0')}`;
}
