import { REFERRAL_AGENCIES, REFERRAL_STATUSES, type ReferralAgency, type ReferralStatus } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applyAbility } from '../core/access/ability-to-sql.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { AppError, type FieldProblem } from '../core/errors/app-error.js';
import { Referral } from '../referrals/referral.entity.js';
import { REFERRAL_STEP_SQL } from '../referrals/referral-steps.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { assertRegionReadable, parsePeriod, parseRegionId, rejectUnknownParameters } from './stats-period.js';
import { Clock } from '../core/clock/clock.js';

const PARAMETERS = ['from', 'to', 'regionId', 'agency'];

/** How many of the period's referrals reached each step of the funnel. */
export interface FunnelCounts {
  referred: number;
  underReview: number;
  caseOpened: number;
  refused: number;
  sentToCourt: number;
  verdict: number;
  convicted: number;
  acquitted: number;
  dismissed: number;
}

export interface ReferralFunnel {
  from: string;
  to: string;
  regionId: string | null;
  agency: ReferralAgency | null;
  counts: FunnelCounts;
  /** Where the period's referrals stand now, by status. */
  current: Record<ReferralStatus, number>;
  /** The share of one step's referrals that reached the next (null when none reached the first). */
  conversion: {
    underReview: number | null;
    caseOpened: number | null;
    refused: number | null;
    sentToCourt: number | null;
    verdict: number | null;
    convicted: number | null;
  };
  /** Median days between steps, over the referrals that took both. */
  medianDays: {
    referredToReview: number | null;
    reviewToCaseOpened: number | null;
    referredToRefused: number | null;
    caseOpenedToCourt: number | null;
    courtToVerdict: number | null;
  };
  /** Tenge, exact, as a decimal string. */
  damagesRecovered: string;
}

/** Counts of the referrals that reached a step: a date on the step, or the status for the end points. */
const COUNT_SQL: Record<keyof FunnelCounts, string> = { referred: 'TRUE', ...REFERRAL_STEP_SQL };

const MEDIAN_SQL: Record<keyof ReferralFunnel['medianDays'], string> = {
  referredToReview: 'record.review_started_on - record.referred_on',
  reviewToCaseOpened: 'record.case_opened_on - record.review_started_on',
  referredToRefused: 'record.refused_on - record.referred_on',
  caseOpenedToCourt: 'record.sent_to_court_on - record.case_opened_on',
  courtToVerdict: 'record.verdict_on - record.sent_to_court_on',
};

/**
 * The referral funnel of a period: the referrals sent in it (by `referredOn`), how many reached each
 * step, the conversion between steps, the median days between them and the damages recovered. One
 * query, scoped by the caller's permission rules turned into SQL, like every list.
 */
@Injectable()
export class ReferralFunnelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  async funnel(user: AuthenticatedUser, query: Record<string, unknown>): Promise<ReferralFunnel> {
    if (!user.ability.can('read', 'referrals')) {
      throw AppError.forbidden(`The ${user.role} role may not read referrals`);
    }
    const today = (await this.calendars.current()).localDate(this.clock.now());
    const { from, to, regionId, agency } = parseFunnelQuery(query, today);
    assertRegionReadable(user.ability, 'referrals', regionId);

    const builder = this.dataSource.getRepository(Referral).createQueryBuilder('record');
    applyAbility(builder, user.ability, 'read', 'referrals');
    builder.andWhere('record.referred_on BETWEEN :from AND :to', { from, to });
    if (regionId) builder.andWhere('record.region_id = :regionId', { regionId });
    if (agency) builder.andWhere('record.agency = :agency', { agency });
    builder.select('coalesce(sum(record.damages_recovered), 0)::numeric(20, 2)::text', 'damagesRecovered');
    for (const [name, condition] of Object.entries(COUNT_SQL)) {
      builder.addSelect(`count(*) FILTER (WHERE ${condition})::int`, `count_${name}`);
    }
    for (const status of REFERRAL_STATUSES) {
      builder.addSelect(`count(*) FILTER (WHERE record.status = '${status}')::int`, `status_${status}`);
    }
    for (const [name, days] of Object.entries(MEDIAN_SQL)) {
      builder.addSelect(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days})`, `median_${name}`);
    }
    const row: Record<string, unknown> = (await builder.getRawOne()) ?? {};

    const counts = Object.fromEntries(
      Object.keys(COUNT_SQL).map((name) => [name, Number(row[`count_${name}`] ?? 0)]),
    ) as unknown as FunnelCounts;
    const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
    const median = (name: string) => {
      const value = row[`median_${name}`];
      return value === null || value === undefined ? null : Number(value);
    };
    return {
      from,
      to,
      regionId,
      agency,
      counts,
      current: Object.fromEntries(
        REFERRAL_STATUSES.map((status) => [status, Number(row[`status_${status}`] ?? 0)]),
      ) as Record<ReferralStatus, number>,
      conversion: {
        underReview: ratio(counts.underReview, counts.referred),
        caseOpened: ratio(counts.caseOpened, counts.underReview),
        refused: ratio(counts.refused, counts.referred),
        sentToCourt: ratio(counts.sentToCourt, counts.caseOpened),
        verdict: ratio(counts.verdict, counts.sentToCourt),
        convicted: ratio(counts.convicted, counts.verdict),
      },
      medianDays: {
        referredToReview: median('referredToReview'),
        reviewToCaseOpened: median('reviewToCaseOpened'),
        referredToRefused: median('referredToRefused'),
        caseOpenedToCourt: median('caseOpenedToCourt'),
        courtToVerdict: median('courtToVerdict'),
      },
      damagesRecovered: String(row.damagesRecovered ?? '0.00'),
    };
  }
}

/** The period (the last twelve months by default), region and agency; anything off is a 400 naming it. */
function parseFunnelQuery(query: Record<string, unknown>, today: string) {
  const problems: FieldProblem[] = [];
  const { from, to } = parsePeriod(query, today, problems);
  const regionId = parseRegionId(query, problems);
  const agency = query.agency === undefined || query.agency === '' ? null : query.agency;
  if (agency !== null && !(REFERRAL_AGENCIES as readonly unknown[]).includes(agency)) {
    problems.push({ field: 'agency', message: `must be one of: ${REFERRAL_AGENCIES.join(', ')}` });
  }
  rejectUnknownParameters(query, PARAMETERS, problems);
  if (problems.length > 0) throw AppError.validation(problems);
  return { from, to, regionId, agency: agency as ReferralAgency | null };
}
