import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import { AppError, type FieldProblem } from '../../core/errors/app-error.js';
import { WorkingCalendarService } from '../../sla/working-calendar.service.js';
import { AppealStatsService } from '../appeal-stats.service.js';
import { FindingStatsService, type FindingStats } from '../finding-stats.service.js';
import { ReferralFunnelService, type ReferralFunnel } from '../referral-funnel.service.js';
import { parsePeriod, parseRegionId, rejectUnknownParameters } from '../stats-period.js';
import { REPORT_LABELS, REPORT_LANGUAGES, type ReportLanguage } from './report-labels.js';
import { Clock } from '../../core/clock/clock.js';

const PARAMETERS = ['from', 'to', 'regionId', 'lang'];
/** How many categories and organisations the report lists. */
export const REPORT_TOP = 10;

export type NameInLanguages = Record<ReportLanguage, string>;

type Overview = Awaited<ReturnType<AppealStatsService['overview']>>;
type Trend = Awaited<ReturnType<AppealStatsService['trend']>>;
type BreakdownRow = Awaited<ReturnType<AppealStatsService['breakdown']>>['rows'][number];

/** One row of a breakdown table in the report, named in the three languages where the data has them. */
export interface ReportRow extends Omit<BreakdownRow, 'labels'> {
  labels?: NameInLanguages;
}

/** Everything the printed report of a period shows: the dashboard's own figures, gathered once. */
export interface StatsReport {
  language: ReportLanguage;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: Date;
  /** When the rollups behind the period's figures last took in the changes. */
  asOf: Date;
  /** The office's region, or null for a national report. */
  region: NameInLanguages | null;
  overview: Overview;
  trend: Trend['months'];
  categories: ReportRow[];
  organisations: ReportRow[];
  /** Every region, for a national caller's national report; otherwise null. */
  regions: ReportRow[] | null;
  findings: FindingStats;
  funnel: ReferralFunnel;
}

/**
 * Gathers the printable report of a period from the services behind `/api/stats/*`, called with the
 * same period and region under the caller's own permissions, so every figure is the dashboard's and
 * the same 400/403 rules apply. `lang` is the one parameter of its own.
 */
@Injectable()
export class StatsReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly appealStats: AppealStatsService,
    private readonly findingStats: FindingStatsService,
    private readonly referralFunnel: ReferralFunnelService,
    private readonly clock: Clock,
  ) {}

  async gather(user: AuthenticatedUser, query: Record<string, unknown>): Promise<StatsReport> {
    if (!user.ability.can('read', 'stats')) {
      throw AppError.forbidden(`The ${user.role} role may not read statistics`);
    }
    const problems: FieldProblem[] = [];
    const language = parseLanguage(query, problems);
    const calendar = await this.calendars.current();
    const { from, to } = parsePeriod(query, calendar.localDate(this.clock.now()), problems);
    const regionId = parseRegionId(query, problems);
    rejectUnknownParameters(query, PARAMETERS, problems);
    if (problems.length > 0) throw AppError.validation(problems);

    // The period resolved once, so every part of the report counts the same days.
    const scope: Record<string, string> = { from, to, ...(regionId ? { regionId } : {}) };
    const generatedAt = this.clock.now();
    // First, alone: it refuses a region the caller may not read before anything else is counted.
    const overview = await this.appealStats.overview(user, scope);
    const national = user.regionId === null && regionId === null;
    const breakdown = async (dimension: string) =>
      (await this.appealStats.breakdown(user, { ...scope, dimension })).rows as ReportRow[];
    const [trend, categories, organisations, regions, findings, funnel, region] = await Promise.all([
      this.appealStats.trend(user, scope),
      breakdown('category'),
      breakdown('organisation'),
      national ? breakdown('region').then((rows) => this.withEveryRegion(rows, language)) : null,
      this.findingStats.byKind(user, scope),
      this.referralFunnel.funnel(user, scope),
      this.regionName(regionId ?? user.regionId),
    ]);
    return {
      language,
      from,
      to,
      timeZone: overview.timeZone,
      generatedAt,
      asOf: overview.asOf,
      region,
      overview,
      trend: trend.months,
      categories: categories.slice(0, REPORT_TOP),
      organisations: organisations.slice(0, REPORT_TOP),
      regions,
      findings,
      funnel,
    };
  }

  /** The region breakdown with the regions that had nothing in the period added as zeros, by name. */
  private async withEveryRegion(rows: ReportRow[], language: ReportLanguage): Promise<ReportRow[]> {
    const all: ({ id: string } & NameInLanguages)[] = await this.dataSource.query(
      `SELECT id::text, name_en AS en, name_kk AS kk, name_ru AS ru FROM regions`,
    );
    const present = new Set(rows.map((row) => row.key));
    const empty = all
      .filter((region) => !present.has(region.id))
      .sort(
        (a, b) => a[language].localeCompare(b[language], REPORT_LABELS[language].locale) || a.id.localeCompare(b.id),
      )
      .map(({ id, ...labels }) => ({
        key: id,
        label: labels.en,
        labels,
        received: 0,
        decided: 0,
        favourable: 0,
        resolutionRate: null,
        decidedOnTime: 0,
        slaCompliance: null,
        forwarded: 0,
        forwardedOnTime: 0,
        open: 0,
      }));
    return [...rows, ...empty];
  }

  private async regionName(regionId: string | null): Promise<NameInLanguages | null> {
    if (regionId === null) return null;
    const [row] = await this.dataSource.query(
      `SELECT name_en AS en, name_kk AS kk, name_ru AS ru FROM regions WHERE id = $1`,
      [regionId],
    );
    return row ?? null;
  }
}

/** The report's `lang` (English when not given); anything else is a problem naming it. */
function parseLanguage(query: Record<string, unknown>, problems: FieldProblem[]): ReportLanguage {
  const language = query.lang === undefined || query.lang === '' ? 'en' : query.lang;
  if ((REPORT_LANGUAGES as readonly unknown[]).includes(language)) return language as ReportLanguage;
  problems.push({ field: 'lang', message: `must be one of: ${REPORT_LANGUAGES.join(', ')}` });
  return 'en';
}
