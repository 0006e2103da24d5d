import type { ReferralFunnelStep } from '@adaldesk/libs';

/**
 * The condition on `referrals record` that a referral reached a step of the funnel: a date on the
 * step, or the status or verdict for the end points. The funnel's counts and the list's `reached`
 * filter both use it, so a count on the dashboard and the list it opens cannot disagree.
 */
export const REFERRAL_STEP_SQL: Record<ReferralFunnelStep, string> = {
  underReview: 'record.review_started_on IS NOT NULL',
  caseOpened: 'record.case_opened_on IS NOT NULL',
  refused: "record.status = 'refused'",
  sentToCourt: 'record.sent_to_court_on IS NOT NULL',
  verdict: "record.status = 'verdict'",
  convicted: "record.verdict = 'convicted'",
  acquitted: "record.verdict = 'acquitted'",
  dismissed: "record.verdict = 'dismissed'",
};
