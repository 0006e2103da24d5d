import type { ApiAnswer } from '../api/types';
import type { ReferralAgency, ReferralStatus, ReferralVerdict } from '@adaldesk/libs';

/**
 * A referral as `GET /api/referrals/:id` returns it. It carries no applicant data; the link to its
 * appeal and the text retelling it are left out for those who may not read that appeal.
 */
export interface ReferralRecord {
  id: string;
  number: string;
  agency: ReferralAgency;
  agencyName: string | null;
  appealId?: string | null;
  findingId: string | null;
  regionId: string;
  organisationId: string | null;
  ownerId: string;
  summary?: string;
  description?: string | null;
  persons: Array<{ fullName: string; position: string | null; organisation: string | null }>;
  status: ReferralStatus;
  referredOn: string;
  reviewStartedOn: string | null;
  caseOpenedOn: string | null;
  refusedOn: string | null;
  sentToCourtOn: string | null;
  verdictOn: string | null;
  registerNumber: string | null;
  refusalReason: string | null;
  verdict: ReferralVerdict | null;
  sanctions: string | null;
  damagesRecovered: string | null;
  lastOutcomeAt: string;
  followUpDueAt: string | null;
  remindedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/stats/referral-funnel`: the period's referrals at each step, as the contract says it. */
export type ReferralFunnel = ApiAnswer<'StatsController_funnel'>;
