import { defineWorkflow } from '../workflow/workflow.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDueAt, type SlaDeadline, type SlaPolicyTerms, warningPoint } from '../sla/sla-clock.js';

/** The SLA policy (`sla-policies` code) every corrective action's deadline and warning come from. */
export const CORRECTIVE_ACTION_POLICY_CODE = 'corrective_action';

export const CORRECTIVE_ACTION_STATUSES = ['open', 'reported_done', 'verified', 'cancelled'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

/** Words for the record, a note or a reason; `what` says what they are when they are missing. */
function words<const What extends string>(what: What) {
  return { type: 'text', min: 5, max: 5_000, what } as const;
}

/**
 * The steps, `POST /api/corrective-actions/:id/actions/<action>`. The inspected body reports the fix
 * (recorded by the inspector), the inspector verifies it or rejects it back to open; a manager extends
 * the deadline while it is open; it may be cancelled until verified. `to: null` keeps the status.
 */
export const correctiveActionWorkflow = defineWorkflow<CorrectiveActionStatus>()({
  'report-done': {
    from: ['open'],
    to: 'reported_done',
    by: ['inspector'],
    fields: {
      /** The day the body says it fixed it; today unless given, never in the future nor before issue. */
      reportedOn: { type: 'date', optional: true },
      reportNote: words('what the body reports it did'),
    },
  },
  verify: {
    from: ['reported_done'],
    to: 'verified',
    by: ['inspector'],
    fields: {
      /** The day the inspector checked the fix; today unless given, never in the future nor before the report. */
      verifiedOn: { type: 'date', optional: true },
      verificationNote: words('what the inspector found when checking the fix'),
    },
  },
  reject: {
    from: ['reported_done'],
    to: 'open',
    by: ['inspector'],
    fields: { reason: words('why the reported fix is not accepted') },
  },
  extend: {
    from: ['open'],
    to: null,
    by: ['manager'],
    fields: {
      days: { type: 'integer', unit: 'working days', min: 1, max: 365 },
      reason: words('why the deadline is extended'),
    },
  },
  cancel: {
    from: ['open', 'reported_done'],
    to: 'cancelled',
    by: ['inspector'],
    fields: { reason: words('why the action is cancelled') },
  },
});
export const CORRECTIVE_ACTION_WORKFLOW = correctiveActionWorkflow.steps;

export type CorrectiveActionAction = keyof typeof CORRECTIVE_ACTION_WORKFLOW;
export const CORRECTIVE_ACTION_ACTIONS = correctiveActionWorkflow.actions as CorrectiveActionAction[];
export const isCorrectiveActionAction = correctiveActionWorkflow.isAction;
/** The actions the workflow allows from `status` (permissions aside). */
export const correctiveActionActionsFrom = correctiveActionWorkflow.actionsFrom;
/** The status `action` leads to from `status`, or the actions allowed from there. */
export const nextCorrectiveActionStatus = correctiveActionWorkflow.next;

/** `CA-2026-000123`: the year of issue and a number from one sequence. */
export function formatCorrectiveActionNumber(year: number, sequence: number): string {
  return `CA-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * How the deadline was set: a date (`dueOn`, the close of business that day), a number of working days
 * from issue, or neither (the policy's goal).
 */
export interface CorrectiveActionTerm {
  dueOn: string | null;
  termWorkingDays: number | null;
}

export interface CorrectiveActionDeadlineInput extends CorrectiveActionTerm {
  calendar: WorkingCalendar;
  policy: SlaPolicyTerms;
  /** When the action was issued, registered as an appeal is (after hours counts from the next working day). */
  issuedAt: Date;
  /** Working days added by extensions. */
  extensionDays: number;
}

/**
 * The deadline and warning point of a corrective action, on the working calendar. The clock never
 * pauses: an action is either running, or stopped for good by the report of the fix (met or missed
 * by that moment) or by a cancellation.
 *
 * - `termWorkingDays`: close of business of the Nth working day after the day of issue (that day not
 *   counted), N being the term plus the extension.
 * - `dueOn`: close of business that day; a non-working day moves it to the next working day (as a
 *   legal term ending on a day off does), then the extension adds working days.
 * - neither: the policy's goal, in working days or working hours, plus the extension.
 *
 * The warning follows the policy (N working days before, or a share of the time) in every case.
 */
export function correctiveActionDeadline(input: CorrectiveActionDeadlineInput): SlaDeadline {
  const { calendar, policy, issuedAt, extensionDays, dueOn, termWorkingDays } = input;
  if (dueOn !== null && termWorkingDays !== null) {
    throw new RangeError('give either dueOn or termWorkingDays, not both');
  }
  if (dueOn === null) {
    const terms =
      termWorkingDays === null ? policy : { ...policy, goalAmount: termWorkingDays, goalUnit: 'working_days' as const };
    return computeDueAt({ calendar, policy: terms, registeredAt: issuedAt, pauses: [], extensionDays });
  }
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > policy.maxExtensionDays) {
    throw new RangeError(
      `extensionDays (${extensionDays}) must be a whole number up to the policy's maximum of ${policy.maxExtensionDays}`,
    );
  }
  const { registeredAt, registrationDate } = calendar.registration(issuedAt);
  if (dueOn <= registrationDate) throw new RangeError(`dueOn (${dueOn}) must be after the day of issue`);
  const lastDay = calendar.isWorkingDay(dueOn) ? dueOn : calendar.nextWorkingDay(dueOn);
  const dueAt = calendar.localDateTime(calendar.addWorkingDays(lastDay, extensionDays), calendar.workdayEnd);
  return { dueAt, warningAt: warningPoint(calendar, policy, registeredAt, dueAt) };
}
