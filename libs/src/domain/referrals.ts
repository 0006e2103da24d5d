import { defineWorkflow } from '../workflow/workflow.js';
/** The law-enforcement bodies materials are sent to; `other` names the body in `agencyName`. */
export const REFERRAL_AGENCIES = ['anti_corruption', 'police', 'prosecutor', 'financial_monitoring', 'other'] as const;
export type ReferralAgency = (typeof REFERRAL_AGENCIES)[number];

/** The outcome funnel, in the order a referral goes down it. */
export const REFERRAL_STATUSES = [
  'referred',
  'under_review',
  'case_opened',
  'refused',
  'sent_to_court',
  'verdict',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_VERDICTS = ['convicted', 'acquitted', 'dismissed'] as const;
export type ReferralVerdict = (typeof REFERRAL_VERDICTS)[number];

/**
 * The steps of the funnel a referral may have reached, as the statistics count them and as the
 * referral list filters on them (`filter={"reached": "caseOpened"}`): a referral sent to court has
 * also been under review and had its case opened.
 */
export const REFERRAL_FUNNEL_STEPS = [
  'underReview',
  'caseOpened',
  'refused',
  'sentToCourt',
  'verdict',
  'convicted',
  'acquitted',
  'dismissed',
] as const;
export type ReferralFunnelStep = (typeof REFERRAL_FUNNEL_STEPS)[number];

/** Where the funnel ends: no more outcome to wait for, so no more follow-up reminders. */
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['refused', 'verdict'];

/** The date field each status is reached on (`referredOn` is set when the referral is created). */
export const REFERRAL_STATUS_DATES = {
  referred: 'referredOn',
  under_review: 'reviewStartedOn',
  case_opened: 'caseOpenedOn',
  refused: 'refusedOn',
  sent_to_court: 'sentToCourtOn',
  verdict: 'verdictOn',
} as const satisfies Record<ReferralStatus, string>;
export type ReferralDateField = (typeof REFERRAL_STATUS_DATES)[ReferralStatus];

/** Referrals are worked by the region's officers and managers, every funnel step included. */
const REFERRAL_WORKERS = ['officer', 'manager'] as const;
/** Every step carries its date: today unless given, never in the future nor before the last step. */
const STEP_DAY = { type: 'date', optional: true } as const;

/**
 * The funnel steps, `POST /api/referrals/:id/actions/<action>`: the statuses each starts from and the
 * status it leads to, who takes it and what it asks. A case is opened only after the agency has started its review (so every count
 * of the funnel is part of the one before it); materials may be refused on receipt or after review.
 */
export const referralWorkflow = defineWorkflow<ReferralStatus>()({
  'start-review': { from: ['referred'], to: 'under_review', by: REFERRAL_WORKERS, fields: { on: STEP_DAY } },
  'open-case': {
    from: ['under_review'],
    to: 'case_opened',
    by: REFERRAL_WORKERS,
    fields: {
      on: STEP_DAY,
      /** The pre-trial investigation register (ЕРДР) number. */
      registerNumber: { type: 'text', min: 3, max: 100, what: 'the pre-trial register (ERDR) number of the case' },
    },
  },
  refuse: {
    from: ['referred', 'under_review'],
    to: 'refused',
    by: REFERRAL_WORKERS,
    fields: {
      on: STEP_DAY,
      refusalReason: { type: 'text', min: 5, max: 5_000, what: 'why the agency refused to open a case' },
    },
  },
  'send-to-court': { from: ['case_opened'], to: 'sent_to_court', by: REFERRAL_WORKERS, fields: { on: STEP_DAY } },
  'record-verdict': {
    from: ['sent_to_court'],
    to: 'verdict',
    by: REFERRAL_WORKERS,
    fields: {
      on: STEP_DAY,
      verdict: { type: 'choice', values: REFERRAL_VERDICTS },
      sanctions: { type: 'text', max: 5_000, optional: true },
      damagesRecovered: { type: 'amount', optional: true },
    },
  },
});
export const REFERRAL_WORKFLOW = referralWorkflow.steps;

export type ReferralAction = keyof typeof REFERRAL_WORKFLOW;
export const REFERRAL_ACTIONS = referralWorkflow.actions as ReferralAction[];
export const isReferralAction = referralWorkflow.isAction;
/** The actions the workflow allows from `status` (permissions aside). */
export const referralActionsFrom = referralWorkflow.actionsFrom;
/** The status `action` leads to from `status`, or the actions allowed from there. */
export const nextReferralStatus = referralWorkflow.next;

/** The dates a referral has reached so far, by the field that holds each. */
export type ReferralDates = Partial<Record<ReferralDateField, string | null>>;

/**
 * The date the step taken from `status` may not precede: that of the last step reached, which is the
 * date of `status` itself (a refusal on receipt follows the referral; after review, the review).
 */
export function previousStepDate(status: ReferralStatus, dates: ReferralDates): string | null {
  return dates[REFERRAL_STATUS_DATES[status]] ?? null;
}

/** `RF-2026-000123`: the year of the referral and a number from one sequence. */
export function formatReferralNumber(year: number, sequence: number): string {
  return `RF-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Tenge as an exact decimal: digits, at most two after the point, never negative. Kept as text end to
 * end (numeric in the database) so sums are exact.
 */
export const TENGE_AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
export const isTengeAmount = (value: unknown): value is string => typeof value === 'string' && TENGE_AMOUNT.test(value);
