import type { SlaState } from '@adaldesk/libs';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A message key and the count it takes (`smart_count`), e.g. "3 days left", "overdue by 2 days". */
export interface SlaCountdown {
  key: string;
  count: number;
}

/**
 * Time left until `dueAt`, or past it, in calendar days (hours on the last day), as seen in the browser.
 * The deadline itself was counted in working days by the API; this only says how near it is. A decided
 * appeal (`met`, `missed`) or a paused clock has no countdown.
 */
export function slaCountdown(
  appeal: { slaState: SlaState; dueAt: string | null | undefined },
  now: Date = new Date(),
): SlaCountdown | null {
  if (!appeal.dueAt || ['met', 'missed', 'paused'].includes(appeal.slaState)) return null;
  const left = new Date(appeal.dueAt).getTime() - now.getTime();
  if (Number.isNaN(left)) return null;
  if (left >= DAY) return { key: 'app.appeals.sla.days_left', count: Math.floor(left / DAY) };
  if (left >= 0) return { key: 'app.appeals.sla.hours_left', count: Math.max(1, Math.ceil(left / HOUR)) };
  const overdue = -left;
  if (overdue >= DAY) return { key: 'app.appeals.sla.overdue_days', count: Math.floor(overdue / DAY) };
  return { key: 'app.appeals.sla.overdue_hours', count: Math.max(1, Math.ceil(overdue / HOUR)) };
}

/** The colour of each SLA state, in MUI's palette names. */
export const SLA_STATE_COLOURS: Record<SlaState, 'success' | 'warning' | 'error' | 'info' | 'default'> = {
  on_track: 'success',
  at_risk: 'warning',
  breached: 'error',
  paused: 'info',
  met: 'success',
  missed: 'error',
};
