import { type SlaState, slaState } from '@adaldesk/libs';
import type { CorrectiveAction } from './corrective-action.entity.js';

/**
 * Where a corrective action stands: while it runs, by the clock (`on_track`, `at_risk`, `breached`);
 * once stopped, as recorded when it stopped (`met` or `missed` by the day the fix was reported; a
 * cancelled action keeps the state it had).
 */
export function liveCorrectiveActionState(
  action: Pick<CorrectiveAction, 'dueAt' | 'warningAt' | 'decidedAt' | 'slaState'>,
  now: Date,
): SlaState {
  if (action.decidedAt) return action.slaState;
  return slaState({ now, dueAt: action.dueAt, warningAt: action.warningAt, pausedSince: null, decidedAt: null });
}
