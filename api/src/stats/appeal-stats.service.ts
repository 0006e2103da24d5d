import {
  type DecisionFigures,
  OPEN_SLA_STATES,
  STATS_DIMENSIONS,
  type StatsDimension,
  type WorkingCalendar,
  SLA_RECORD_COLUMNS,
  slaStateSql,
} from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Appeal } from '../appeals/appeal.entity.js';
import { applyAbility } from '../core/access/ability-to-sql.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { AppError, ErrorCode, type FieldProblem } from '../core/errors/app-error.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { AppealStatsRollup } from './appeal-stats-rollup.entity.js';
import {
  addDays,
  assertRegionReadable,
  monthOf,
  nextMonth,
  MAX_PERIOD_YEARS,
  parsePeriod,
  parseRegionId,
  rejectUnknownParameters,
  type StatsPeriod,
} from './stats-period.js';
import { Clock } from '../core/clock/clock.js';

/** Backlog buckets by age: working days after the registration day up to and including today. */
export const BACKLOG_BUCKETS = [
  { bucket: '0-5', minWorkingDays: 0, maxWorkingDays: 5 },
  { bucket: '6-10', minWorkingDays: 6, maxWorkingDays: 10 },
  { bucket: '11-15', minWorkingDays: 11, maxWorkingDays: 15 },
  { bucket: '16-30', minWorkingDays: 16, maxWorkingDays: 30 },
  { bucket: '31+', minWorkingDays: 31, maxWorkingDays: null },
] as const;

/** Rules on appeals that a rollup row can answer: whole regions, with or without confidential appeals. */
const ROLLUP_SCOPE_FIELDS = new Set(['regionId', 'confidential']);

/** The rollup dimension of each breakdown (region and month come from `total`). */
const DIMENSION_ROLLUPS: Record<StatsDimension, string> = {
  region: 'total',
  category: 'category',
  organisation: 'organisation',
  channel: 'channel',
  assignee: 'assignee',
  month: 'total',
};

interface Scope {
  user: AuthenticatedUser;
  period: StatsPeriod;
  regionId: string | null;
  calendar: WorkingCalendar;
}

/**
 * Appeal statistics for dashboards: what was received and decided in a period comes from the
 * rollups the `AppealStatsRollupJob` keeps; what is open now is counted live over a partial index
 * of open appeals. Both are scoped by the permission rules on appeals turned into SQL, the same
 * rules `GET /api/appeals` applies, so every figure equals the count of the list it stands for.
 */
@Injectable()
export class AppealStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  /** `GET /api/stats/overview` */
  async overview(user: AuthenticatedUser, query: Record<string, unknown>) {
    const scope = await this.scopeOf(user, query, ['from', 'to', 'regionId']);
    // First: while the rollups are being built they are locked, and a request must not wait on them.
    const asOf = await this.asOf();
    // Independent queries, each on a connection of its own.
    const [[totals], histogram, { open, backlogByAge }] = await Promise.all([
      this.decisionRows(scope, 'total', null),
      this.decisionRows(scope, 'decision_days', 'key'),
      this.openNow(scope),
    ]);
    return {
      ...this.periodOf(scope),
      asOf,
      ...figuresOf(totals),
      forwardingCompliance: ratio(Number(totals?.forwardedOnTime ?? 0), Number(totals?.forwarded ?? 0)),
      medianWorkingDaysToDecision: medianOf(histogram.map((row) => [Number(row.key), Number(row.resolved)])),
      open,
      backlogByAge,
    };
  }

  /** `GET /api/stats/breakdown?dimension=` */
  async breakdown(user: AuthenticatedUser, query: Record<string, unknown>) {
    const problems: FieldProblem[] = [];
    const dimension = query.dimension;
    if (!(STATS_DIMENSIONS as readonly unknown[]).includes(dimension)) {
      problems.push({ field: 'dimension', message: `must be one of: ${STATS_DIMENSIONS.join(', ')}` });
    }
    const scope = await this.scopeOf(user, query, ['dimension', 'from', 'to', 'regionId'], problems);
    const rollup = DIMENSION_ROLLUPS[dimension as StatsDimension];
    const groupKey =
      dimension === 'region'
        ? 'record.region_id::text'
        : dimension === 'month'
          ? `to_char(record.starts_on, 'YYYY-MM')`
          : 'record.key';
    const asOf = await this.asOf();
    const [decided, openByKey] = await Promise.all([
      this.decisionRows(scope, rollup, groupKey),
      dimension === 'month' ? null : this.openBy(scope, rollup, groupKey),
    ]);
    // A month's open appeals are those received in it; any other key's are all its open appeals.
    const open = openByKey ?? new Map(decided.map((row) => [String(row.key), Number(row.open)]));
    const keys = [...new Set([...decided.map((row) => String(row.key)), ...open.keys()])];
    const labels = await this.labelsOf(dimension as StatsDimension, keys);
    const byKey = new Map(decided.map((row) => [String(row.key), row]));
    const rows = keys.map((key) => ({
      key: key === '' ? null : key,
      ...labels(key),
      ...figuresOf(byKey.get(key)),
      open: open.get(key) ?? 0,
    }));
    // Months in order; otherwise the largest first, ties by key so the order never changes by itself.
    rows.sort((a, b) =>
      dimension === 'month'
        ? String(a.key).localeCompare(String(b.key))
        : b.received - a.received || b.open - a.open || String(a.key).localeCompare(String(b.key)),
    );
    return { ...this.periodOf(scope), dimension, asOf, rows };
  }

  /** `GET /api/stats/trend`: the period month by month (the first and last months clipped to it). */
  async trend(user: AuthenticatedUser, query: Record<string, unknown>) {
    const scope = await this.scopeOf(user, query, ['from', 'to', 'regionId']);
    const asOf = await this.asOf();
    const rows = await this.decisionRows(scope, 'total', `to_char(record.starts_on, 'YYYY-MM')`);
    const byMonth = new Map(rows.map((row) => [String(row.key), row]));
    const months: string[] = [];
    // Bounded twice: the period is at most MAX_PERIOD_YEARS long, and the loop never runs past it.
    const maxMonths = MAX_PERIOD_YEARS * 12 + 1;
    for (
      let month = monthOf(scope.period.from);
      month <= scope.period.to && months.length < maxMonths;
      month = nextMonth(month)
    ) {
      months.push(month.slice(0, 7));
    }
    return {
      ...this.periodOf(scope),
      asOf,
      months: months.map((month) => ({ month, ...figuresOf(byMonth.get(month)) })),
    };
  }

  /** Checks the caller may read statistics, and of the region asked for; parses the period. */
  private async scopeOf(
    user: AuthenticatedUser,
    query: Record<string, unknown>,
    parameters: string[],
    problems: FieldProblem[] = [],
  ): Promise<Scope> {
    if (!user.ability.can('read', 'stats')) {
      throw AppError.forbidden(`The ${user.role} role may not read statistics`);
    }
    const calendar = await this.calendars.current();
    const period = parsePeriod(query, calendar.localDate(this.clock.now()), problems);
    const regionId = parseRegionId(query, problems);
    rejectUnknownParameters(query, parameters, problems);
    if (problems.length > 0) throw AppError.validation(problems);

    const outsideRollup = user.ability
      .rulesFor('read', 'appeals')
      .flatMap((rule) => Object.keys((rule.conditions as object | undefined) ?? {}))
      .filter((field) => !ROLLUP_SCOPE_FIELDS.has(field));
    if (outsideRollup.length > 0) {
      throw AppError.forbidden(
        `Statistics count whole regions; the ${user.role} role reads appeals by ${[...new Set(outsideRollup)].join(', ')}`,
      );
    }
    assertRegionReadable(user.ability, 'appeals', regionId, [{ confidential: false }, { confidential: true }]);
    return { user, period, regionId, calendar };
  }

  private periodOf({ period, regionId, calendar }: Scope) {
    return { from: period.from, to: period.to, regionId, timeZone: calendar.timeZone };
  }

  /** When the rollups last took in the queued changes; 503 until they are first built. */
  private async asOf(): Promise<Date> {
    const [state] = await this.dataSource.query(`SELECT built_at, folded_at FROM appeal_stats_state`);
    if (!state?.built_at) {
      throw new AppError(ErrorCode.Unavailable, 'The statistics are being built for the first time; try again shortly');
    }
    return state.folded_at;
  }

  /**
   * Sums of the rollup's counters over the period, grouped by `groupKey` (null: one row). Whole
   * months are read from the monthly rows, the days before and after them from the daily rows.
   */
  private decisionRows(scope: Scope, dimension: string, groupKey: string | null): Promise<Record<string, unknown>[]> {
    const builder = this.scoped(AppealStatsRollup, scope);
    builder.andWhere('record.dimension = :dimension', { dimension });
    const { from, to } = scope.period;
    const monthsFrom = from === monthOf(from) ? from : nextMonth(from);
    const monthsUntil = monthOf(addDays(to, 1));
    if (monthsFrom < monthsUntil) {
      builder.andWhere(
        `((record.grain = 'month' AND record.starts_on >= :monthsFrom AND record.starts_on < :monthsUntil)
          OR (record.grain = 'day' AND ((record.starts_on >= :from AND record.starts_on < :monthsFrom)
                                    OR (record.starts_on >= :monthsUntil AND record.starts_on <= :to))))`,
        { monthsFrom, monthsUntil, from, to },
      );
    } else {
      builder.andWhere(`record.grain = 'day' AND record.starts_on BETWEEN :from AND :to`, { from, to });
    }
    builder.select('sum(record.received)::int', 'received');
    builder.addSelect('sum(record.resolved)::int', 'resolved');
    builder.addSelect('sum(record.favourable)::int', 'favourable');
    builder.addSelect('sum(record.resolved_on_time)::int', 'resolvedOnTime');
    builder.addSelect('sum(record.forwarded)::int', 'forwarded');
    builder.addSelect('sum(record.forwarded_on_time)::int', 'forwardedOnTime');
    builder.addSelect('sum(record.open)::int', 'open');
    if (groupKey) builder.addSelect(groupKey, 'key').groupBy(groupKey);
    return builder.getRawMany();
  }

  /**
   * Open appeals now by SLA state and by age, in one scan of the partial index of open appeals. Age
   * bounds are turned into registration times on the working calendar: registered before the start
   * of the day after `lastDayAged(k)` means at least k working days old today.
   */
  private async openNow(scope: Scope) {
    const now = this.clock.now();
    const today = scope.calendar.localDate(now);
    const startOf = (minWorkingDays: number) =>
      scope.calendar.localDateTime(addDays(lastDayAged(scope.calendar, today, minWorkingDays), 1), '00:00');
    const builder = this.scoped(Appeal, scope)
      .andWhere('record.decided_at IS NULL')
      .select('count(*)::int', 'total')
      .setParameter('now', now);
    for (const state of OPEN_SLA_STATES) {
      builder.addSelect(`count(*) FILTER (WHERE ${slaStateSql(state, SLA_RECORD_COLUMNS)})::int`, state);
    }
    // Each bucket as a range of registration times, returned too so a dashboard can open its list.
    const bounds = BACKLOG_BUCKETS.map((bucket) => ({
      registeredBefore: bucket.minWorkingDays > 0 ? startOf(bucket.minWorkingDays) : null,
      registeredFrom: bucket.maxWorkingDays !== null ? startOf(bucket.maxWorkingDays + 1) : null,
    }));
    bounds.forEach(({ registeredBefore, registeredFrom }, index) => {
      const conditions: string[] = [];
      if (registeredBefore) {
        conditions.push(`record.registered_at < :older${index}`);
        builder.setParameter(`older${index}`, registeredBefore);
      }
      if (registeredFrom) {
        conditions.push(`record.registered_at >= :younger${index}`);
        builder.setParameter(`younger${index}`, registeredFrom);
      }
      builder.addSelect(`count(*) FILTER (WHERE ${conditions.join(' AND ')})::int`, `bucket${index}`);
    });
    const row = (await builder.getRawOne()) ?? {};
    return {
      open: Object.fromEntries(['total', ...OPEN_SLA_STATES].map((name) => [name, Number(row[name] ?? 0)])) as Record<
        'total' | (typeof OPEN_SLA_STATES)[number],
        number
      >,
      backlogByAge: BACKLOG_BUCKETS.map((bucket, index) => ({
        ...bucket,
        ...bounds[index],
        count: Number(row[`bucket${index}`] ?? 0),
      })),
    };
  }

  /** Open appeals per key of a breakdown, from the rollups' monthly rows of every month. */
  private async openBy(scope: Scope, dimension: string, groupKey: string): Promise<Map<string, number>> {
    const rows = await this.scoped(AppealStatsRollup, scope)
      .andWhere(`record.dimension = :dimension AND record.grain = 'month'`, { dimension })
      .select(groupKey, 'key')
      .addSelect('sum(record.open)::int', 'open')
      .groupBy(groupKey)
      .having('sum(record.open) <> 0')
      .getRawMany();
    return new Map(rows.map((row) => [String(row.key), Number(row.open)]));
  }

  /** A query on `entity` limited by the caller's rules on appeals and the region asked for. */
  private scoped<T extends ObjectLiteral>(entity: new () => T, scope: Scope): SelectQueryBuilder<T> {
    const builder = this.dataSource.getRepository(entity).createQueryBuilder('record');
    applyAbility(builder, scope.user.ability, 'read', 'appeals');
    if (scope.regionId) builder.andWhere('record.region_id = :regionId', { regionId: scope.regionId });
    return builder;
  }

  /** Names of the keys of a breakdown: reference data in the three languages, people by name. */
  private async labelsOf(
    dimension: StatsDimension,
    keys: string[],
  ): Promise<(key: string) => { label: string; labels?: { en: string; kk: string; ru: string } }> {
    const ids = keys.filter((key) => key !== '');
    const table = { region: 'regions', category: 'categories' }[dimension as string];
    if (table) {
      const rows: { id: string; en: string; kk: string; ru: string }[] = await this.dataSource.query(
        `SELECT id::text, name_en AS en, name_kk AS kk, name_ru AS ru FROM ${table} WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const names = new Map(rows.map(({ id, ...labels }) => [id, labels]));
      return (key) => {
        const labels = names.get(key);
        return labels ? { label: labels.en, labels } : { label: key === '' ? 'none' : key };
      };
    }
    if (dimension === 'organisation' || dimension === 'assignee') {
      const rows: { id: string; name: string }[] = await this.dataSource.query(
        dimension === 'organisation'
          ? `SELECT id::text, name FROM organisations WHERE id = ANY($1::uuid[])`
          : `SELECT id::text, full_name AS name FROM users WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const names = new Map(rows.map((row) => [row.id, row.name]));
      return (key) => ({ label: names.get(key) ?? (key === '' ? 'none' : key) });
    }
    return (key) => ({ label: key });
  }
}

function figuresOf(row: Record<string, unknown> | undefined): DecisionFigures {
  const count = (name: string) => Number(row?.[name] ?? 0);
  const decided = count('resolved');
  return {
    received: count('received'),
    decided,
    favourable: count('favourable'),
    resolutionRate: ratio(count('favourable'), decided),
    decidedOnTime: count('resolvedOnTime'),
    slaCompliance: ratio(count('resolvedOnTime'), decided),
    forwarded: count('forwarded'),
    forwardedOnTime: count('forwardedOnTime'),
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** The median of a histogram of [value, count] (the mean of the two middle values when the count is even). */
export function medianOf(histogram: [number, number][]): number | null {
  const sorted = histogram.filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= position) return value;
    }
    return sorted[sorted.length - 1][0];
  };
  return (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2;
}

/** The latest civil date whose appeals are at least `workingDays` working days old on `today`. */
function lastDayAged(calendar: WorkingCalendar, today: string, workingDays: number): string {
  let day = today;
  let age = 0;
  while (age < workingDays) {
    if (calendar.isWorkingDay(day)) age++;
    day = addDays(day, -1);
  }
  return day;
}
