import { type ReferralAction, referralWorkflow } from '@adaldesk/libs';
import { stepBodyOf } from '../common/stepFields';

/** The body of a funnel step: the fields libs declares for it (its date first), and the version as shown. */
export function referralActionBody(
  action: ReferralAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  const body = stepBodyOf(referralWorkflow.fieldsOf(action), values, version);
  // An amount typed as "1 250 000,50" reaches the API as the decimal string it takes.
  if (typeof body.damagesRecovered === 'string') {
    body.damagesRecovered = body.damagesRecovered.replace(/[\s\u00a0]/g, '').replace(',', '.');
  }
  return body;
}

/** Colours of the stages, from waiting to an outcome. */
export const STAGE_COLOURS = {
  referred: 'default',
  under_review: 'info',
  case_opened: 'warning',
  refused: 'error',
  sent_to_court: 'secondary',
  verdict: 'success',
} as const;

/** Today on the user's own calendar, `YYYY-MM-DD`. */
export const localToday = () => new Date().toLocaleDateString('en-CA');

/** A step's day (`YYYY-MM-DD`) that is not after today; empty passes (the API dates it today). */
export function notAfterToday(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value > localToday() ? 'app.validation.not_in_future' : undefined;
}
