import { SLA_UNITS, type SlaUnit } from '../domain/resources.js';
import { MS_PER_HOUR } from '../calendar/civil-date.js';
import { assertInstant, assertWholeNumber } from '../calendar/validation.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { evaluateSlaRules } from './sla-state-rules.js';

export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'paused', 'met', 'missed'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The terms of an SLA policy that the clock needs (the `sla-policies` resource carries them). */
export interface SlaPolicyTerms {
  goalAmount: number;
  goalUnit: SlaUnit;
  /** Warn once this share of the time to the deadline has passed: 80 warns at 80 %. */
  warningPercent: number;
  /** Working days a head may add by a reasoned extension decision. */
  maxExtensionDays: number;
  /**
   * Warn this many working days before the deadline instead (at close of business of that day), when
   * set: "warn 5 working days before" rather than a share of the time.
   */
  warningDaysBefore?: number | null;
}

/** A stretch of time the clock stood still, e.g. while awaiting information; `to` is null while it lasts. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface DueAtInput {
  calendar: WorkingCalendar;
  policy: SlaPolicyTerms;
  registeredAt: Date;
  pauses: readonly SlaPause[];
  extensionDays: number;
}

export interface SlaDeadline {
  dueAt: Date;
  warningAt: Date;
}

export interface SlaStateInput {
  now: Date;
  dueAt: Date;
  warningAt: Date;
  pausedSince: Date | null;
  decidedAt: Date | null;
}

/**
 * The deadline and warning point of a record.
 *
 * - Working-days goal: close of business of the Nth working day after the registration day, where N
 *   is the goal plus the working days paused plus the extension.
 * - Working-hours goal: the goal, the working time paused and the extension (each day as one working
 *   day's length) counted in working time from `registeredAt`.
 * - Pauses: only completed pauses move the deadline; while one is open the state is `paused` and the
 *   deadline is recomputed when it ends. For a working-days goal the clock stands still on every
 *   working day after the day the pause began, up to and including the day the answer is registered
 *   (an answer after hours or on a non-working day is registered on the next working day, APPC
 *   art. 64). So the day the request went out counts, and counting resumes the day after the answer,
 *   the same way it starts the day after registration. A pause begun and ended on one day moves
 *   nothing. Pauses come in order without overlap; a day two adjoining pauses both cover counts once.
 * - Warning: when `warningPercent` of the working time from `registeredAt` to `dueAt` has passed.
 *   Paused time is inside that span, so after a pause the warning comes no later than it would by
 *   clock time alone.
 */
export function computeDueAt({ calendar, policy, registeredAt, pauses, extensionDays }: DueAtInput): SlaDeadline {
  assertPolicyTerms(policy);
  assertInstant(registeredAt, 'registeredAt');
  assertWholeNumber(extensionDays, 'extensionDays');
  if (extensionDays > policy.maxExtensionDays) {
    throw new RangeError(
      `extensionDays (${extensionDays}) exceeds the policy's maximum extension of ${policy.maxExtensionDays} ` +
        'working days',
    );
  }
  const completedPauses = completedPausesOf(pauses, registeredAt);

  const dueAt =
    policy.goalUnit === 'working_days'
      ? calendar.deadlineAfterWorkingDays(
          registeredAt,
          policy.goalAmount + pausedWorkingDays(calendar, completedPauses) + extensionDays,
        )
      : calendar.addWorkingMillis(
          registeredAt,
          policy.goalAmount * MS_PER_HOUR +
            pausedWorkingMillis(calendar, completedPauses) +
            extensionDays * calendar.workingDayMillis,
        );
  return { dueAt, warningAt: warningPoint(calendar, policy, registeredAt, dueAt) };
}

/**
 * When a record registered at `registeredAt` and due at `dueAt` is warned about: `warningDaysBefore`
 * working days before the deadline (close of business of that day, never before registration) when the
 * policy sets it, else once `warningPercent` of the working time between them has passed.
 */
export function warningPoint(
  calendar: WorkingCalendar,
  policy: Pick<SlaPolicyTerms, 'warningPercent' | 'warningDaysBefore'>,
  registeredAt: Date,
  dueAt: Date,
): Date {
  assertInstant(registeredAt, 'registeredAt');
  assertInstant(dueAt, 'dueAt');
  if (policy.warningDaysBefore !== null && policy.warningDaysBefore !== undefined) {
    assertWholeNumber(policy.warningDaysBefore, 'policy.warningDaysBefore');
    const { registrationDate } = calendar.registration(registeredAt);
    const daysToDeadline = calendar.workingDaysBetween(registrationDate, calendar.localDate(dueAt));
    const daysToWarning = daysToDeadline - policy.warningDaysBefore;
    if (daysToWarning <= 0) return registeredAt;
    const warningAt = calendar.localDateTime(
      calendar.addWorkingDays(registrationDate, daysToWarning),
      calendar.workdayEnd,
    );
    return warningAt < dueAt ? warningAt : dueAt;
  }
  const warningMillis = Math.round((calendar.workingMillisBetween(registeredAt, dueAt) * policy.warningPercent) / 100);
  return calendar.addWorkingMillis(registeredAt, warningMillis);
}

/**
 * Where a record stands, by `SLA_STATE_RULES` (sla-state-rules.ts), the one definition the SQL of
 * lists, timers and statistics is generated from as well.
 */
export function slaState({ now, dueAt, warningAt, pausedSince, decidedAt }: SlaStateInput): SlaState {
  assertInstant(now, 'now');
  assertInstant(dueAt, 'dueAt');
  assertInstant(warningAt, 'warningAt');
  if (decidedAt !== null) assertInstant(decidedAt, 'decidedAt');
  if (pausedSince !== null) assertInstant(pausedSince, 'pausedSince');
  return evaluateSlaRules({ now, dueAt, warningAt, pausedSince, decidedAt });
}

function assertPolicyTerms(policy: SlaPolicyTerms): void {
  if (!SLA_UNITS.includes(policy.goalUnit)) {
    throw new RangeError(
      `policy.goalUnit must be one of ${SLA_UNITS.join(', ')}, got ${JSON.stringify(policy.goalUnit)}`,
    );
  }
  const wholeDays = policy.goalUnit === 'working_days';
  if (
    !Number.isFinite(policy.goalAmount) ||
    policy.goalAmount <= 0 ||
    (wholeDays && !Number.isInteger(policy.goalAmount))
  ) {
    throw new RangeError(
      `policy.goalAmount must be a positive ${wholeDays ? 'whole number of working days' : 'number of working hours'}` +
        `, got ${policy.goalAmount}`,
    );
  }
  if (!Number.isFinite(policy.warningPercent) || policy.warningPercent < 0 || policy.warningPercent > 100) {
    throw new RangeError(`policy.warningPercent must be between 0 and 100, got ${policy.warningPercent}`);
  }
  assertWholeNumber(policy.maxExtensionDays, 'policy.maxExtensionDays');
}

interface CompletedPause {
  from: Date;
  to: Date;
}

/** Checks the pauses (after registration, in order, without overlap, only the last open); returns the ended ones. */
function completedPausesOf(pauses: readonly SlaPause[], registeredAt: Date): CompletedPause[] {
  const completed: CompletedPause[] = [];
  for (const [index, pause] of pauses.entries()) {
    assertInstant(pause.from, `pauses[${index}].from`);
    if (pause.from < registeredAt) throw new RangeError(`pauses[${index}].from is before registeredAt`);
    if (pause.to !== null) {
      assertInstant(pause.to, `pauses[${index}].to`);
      if (pause.to < pause.from) throw new RangeError(`pauses[${index}].to is before pauses[${index}].from`);
    }
    const previous = pauses[index - 1];
    if (previous && (previous.to === null || pause.from < previous.to)) {
      throw new RangeError(
        `pauses[${index}] starts before pauses[${index - 1}] ends; list pauses in order, without overlap`,
      );
    }
    if (pause.to !== null) completed.push({ from: pause.from, to: pause.to });
  }
  return completed;
}

function pausedWorkingDays(calendar: WorkingCalendar, pauses: readonly CompletedPause[]): number {
  const pausedDays = new Set<string>();
  for (const pause of pauses) {
    const resumedOn = calendar.registration(pause.to).registrationDate;
    for (
      let day = calendar.nextWorkingDay(calendar.localDate(pause.from));
      day <= resumedOn;
      day = calendar.nextWorkingDay(day)
    ) {
      pausedDays.add(day);
    }
  }
  return pausedDays.size;
}

function pausedWorkingMillis(calendar: WorkingCalendar, pauses: readonly CompletedPause[]): number {
  return pauses.reduce((sum, pause) => sum + calendar.workingMillisBetween(pause.from, pause.to), 0);
}

/**
 * Why an extension of `days` working days breaks its policy's limit (`maxExtensionDays` in all, of
 * which `granted` are already given), or null when it keeps within it. Appeals and corrective actions
 * are extended under the same rule.
 */
export function extensionLimitProblem(
  policy: { code: string; maxExtensionDays: number },
  granted: number,
  days: number,
): string | null {
  const left = policy.maxExtensionDays - granted;
  if (days <= left) return null;
  return (
    `may be at most ${Math.max(left, 0)} working days: the policy "${policy.code}" allows ` +
    `${policy.maxExtensionDays} in all and ${granted} are already granted`
  );
}
