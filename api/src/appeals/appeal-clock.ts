import { computeDueAt, type SlaPolicyTerms, type SlaState, slaState, type WorkingCalendar } from '@adaldesk/libs';
import type { Appeal } from './appeal.entity.js';

type ClockFields = Pick<
  Appeal,
  | 'slaStartedAt'
  | 'slaPauses'
  | 'pausedSince'
  | 'extensionDays'
  | 'dueAt'
  | 'warningAt'
  | 'decidedAt'
  | 'warnedAt'
  | 'breachedAt'
  | 'slaState'
>;

/**
 * Sets the deadline, warning point and flags of an appeal from its policy, its pauses and extensions,
 * as of `now`. A deadline moved past `now` clears the warning or breach flag, so the new deadline is
 * warned about and flagged in its turn.
 */
export function rewindClock(appeal: ClockFields, calendar: WorkingCalendar, policy: SlaPolicyTerms, now: Date): void {
  const { dueAt, warningAt } = computeDueAt({
    calendar,
    policy,
    registeredAt: appeal.slaStartedAt,
    pauses: pausesFrom(appeal.slaStartedAt, appeal.slaPauses),
    // An admin may since have lowered the policy's cap; what it allows now is what counts.
    extensionDays: Math.min(appeal.extensionDays, policy.maxExtensionDays),
  });
  appeal.dueAt = dueAt;
  appeal.warningAt = warningAt;
  if (now < warningAt) appeal.warnedAt = null;
  if (now <= dueAt) appeal.breachedAt = null;
  appeal.slaState = liveSlaState(appeal, now);
}

/**
 * The pauses as the clock counts them. Information may be requested before the appeal's official
 * registration time (received after hours, answered the same evening): such a pause counts from the
 * registration, as the clock itself does.
 */
function pausesFrom(start: Date, pauses: Appeal['slaPauses']) {
  const notBefore = (instant: Date) => (instant < start ? start : instant);
  return pauses.map((pause) => ({
    from: notBefore(new Date(pause.from)),
    to: pause.to ? notBefore(new Date(pause.to)) : null,
  }));
}

/** Where the appeal stands on its clock right now, whatever was last flagged. */
export function liveSlaState(
  appeal: Pick<Appeal, 'dueAt' | 'warningAt' | 'pausedSince' | 'decidedAt'>,
  now: Date,
): SlaState {
  return slaState({
    now,
    dueAt: appeal.dueAt,
    warningAt: appeal.warningAt,
    pausedSince: appeal.pausedSince,
    decidedAt: appeal.decidedAt,
  });
}
