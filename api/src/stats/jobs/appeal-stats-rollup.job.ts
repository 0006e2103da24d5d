import type { WorkingCalendar } from '@adaldesk/libs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock/clock.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { WorkingCalendarService } from '../../sla/working-calendar.service.js';
import { addDays } from '../stats-period.js';

/** One fold at a time across every API instance. */
const ROLLUP_LOCK = "hashtext('adaldesk:appeal-stats-rollup')";
/** Changed appeals folded per transaction; a fold goes on batch after batch until the queue is empty. */
const FOLD_BATCH = 20_000;

export interface FoldReport {
  /** True when the rollups were built from scratch in this run. */
  built: boolean;
  /** Appeals whose contribution was folded in (an appeal changed twice counts once per batch). */
  folded: number;
  millis: number;
}

/**
 * What an appeal contributes to the statistics, computed from `appeals` in SQL. `$1` is the office
 * time zone; `ordinals` (a CTE of `day`, `ordinal`) numbers working days, so working days from
 * registration to decision are a difference of two ordinals: the working days after the
 * registration day up to and including the decision day, as `WorkingCalendar.workingDaysBetween`
 * counts them. Forwarded appeals are a decision of their own kind: forwarding ends our SLA.
 */
const FACT_SELECT = `
  SELECT a.id AS appeal_id, a.region_id, a.confidential, a.category_id, a.organisation_id, a.channel, a.assignee_id,
    (a.received_at AT TIME ZONE $1)::date AS received_on,
    (a.decided_at AT TIME ZONE $1)::date AS decided_on,
    CASE WHEN a.decided_at IS NULL THEN NULL WHEN a.status = 'forwarded' THEN 'forwarded' ELSE 'resolved' END AS decision,
    CASE WHEN a.decided_at IS NOT NULL THEN coalesce(a.outcome IN ('satisfied', 'partially_satisfied'), false) END
      AS favourable,
    CASE WHEN a.decided_at IS NOT NULL THEN a.decided_at <= a.due_at END AS on_time,
    decided.ordinal - registered.ordinal AS working_days
  FROM appeals a
  LEFT JOIN ordinals registered ON registered.day = (a.registered_at AT TIME ZONE $1)::date
  LEFT JOIN ordinals decided ON decided.day = (a.decided_at AT TIME ZONE $1)::date`;

const ORDINALS_CTE = `ordinals AS (SELECT * FROM unnest($2::date[], $3::int[]) AS o (day, ordinal))`;

const FACT_COLUMNS =
  'appeal_id, region_id, confidential, category_id, organisation_id, channel, assignee_id, received_on, decided_on, ' +
  'decision, favourable, on_time, working_days';

const COUNTERS = ['received', 'resolved', 'favourable', 'resolved_on_time', 'forwarded', 'forwarded_on_time', 'open'];

/**
 * The key of each rollup dimension, as counted when an appeal is received and when it is decided
 * (null: not counted). `decision_days` is the histogram of working days to a resolution.
 */
const DIMENSION_KEYS: Record<string, { received: string | null; decided: string }> = {
  total: { received: "''", decided: "''" },
  category: { received: "coalesce(category_id::text, '')", decided: "coalesce(category_id::text, '')" },
  organisation: { received: "coalesce(organisation_id::text, '')", decided: "coalesce(organisation_id::text, '')" },
  channel: { received: 'channel', decided: 'channel' },
  assignee: { received: "coalesce(assignee_id::text, '')", decided: "coalesce(assignee_id::text, '')" },
  decision_days: { received: null, decided: "CASE WHEN decision = 'resolved' THEN working_days::text END" },
};

/**
 * Rollup rows of one dimension and grain from signed facts (`source`: `sign` and the fact columns):
 * each fact counts as received (and, while undecided, open) on its day and, once decided, as resolved
 * or forwarded on the decision day. One dimension per statement keeps each aggregation a small hash in memory, even for the build.
 */
function rollupSql(source: string, dimension: string, grain: 'day' | 'month', upsert: boolean): string {
  const period = (column: string) => (grain === 'day' ? column : `date_trunc('month', ${column})::date`);
  const keys = DIMENSION_KEYS[dimension];
  const events = [
    `SELECT ${period('decided_on')} AS starts_on, region_id, confidential, ${keys.decided} AS key,
       0 AS received, sign * (decision = 'resolved')::int AS resolved,
       sign * (decision = 'resolved' AND favourable)::int AS favourable,
       sign * (decision = 'resolved' AND on_time)::int AS resolved_on_time,
       sign * (decision = 'forwarded')::int AS forwarded,
       sign * (decision = 'forwarded' AND on_time)::int AS forwarded_on_time, 0 AS open
     FROM ${source} WHERE decided_on IS NOT NULL`,
  ];
  if (keys.received) {
    events.push(`SELECT ${period('received_on')}, region_id, confidential, ${keys.received}, sign, 0, 0, 0, 0, 0,
      sign * (decision IS NULL)::int FROM ${source}`);
  }
  return `
    INSERT INTO appeal_stats_rollup (grain, dimension, starts_on, region_id, confidential, key, ${COUNTERS.join(', ')})
    SELECT '${grain}', '${dimension}', starts_on, region_id, confidential, key, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}
    FROM (${events.join(' UNION ALL ')}) AS events
    WHERE key IS NOT NULL
    GROUP BY starts_on, region_id, confidential, key
    HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
    ${upsert ? ADD_ON_CONFLICT : ''}`;
}

/** Monthly rows summed from the daily ones: the build's second pass, far smaller than the facts. */
const MONTHS_FROM_DAYS = `
  INSERT INTO appeal_stats_rollup (grain, dimension, starts_on, region_id, confidential, key, ${COUNTERS.join(', ')})
  SELECT 'month', dimension, date_trunc('month', starts_on)::date, region_id, confidential, key,
    ${COUNTERS.map((c) => `sum(${c})`).join(', ')}
  FROM appeal_stats_rollup WHERE grain = 'day'
  GROUP BY dimension, date_trunc('month', starts_on), region_id, confidential, key`;

const ADD_ON_CONFLICT = `
  ON CONFLICT (dimension, grain, starts_on, region_id, confidential, key) DO UPDATE SET
  ${COUNTERS.map((c) => `${c} = appeal_stats_rollup.${c} + excluded.${c}`).join(', ')}`;

/**
 * Keeps the appeal statistics' rollups current. Appeals changed since the last fold are queued by a
 * trigger (`appeal_stats_changes`); every `STATS_ROLLUP_SECONDS` one instance (an advisory lock)
 * takes the queued ids, subtracts what those appeals contributed before (their facts) and adds what
 * they contribute now, in one transaction: readers see the rollups before or after a fold, never
 * half of one. The first run after the migration builds everything from `appeals`.
 *
 * Working days to decision are counted on the working calendar in force when the decision is folded
 * in (at most a fold period after it); a later edit of the calendar does not rewrite past figures.
 */
@Injectable()
export class AppealStatsRollupJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AppealStats');
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<FoldReport | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () =>
      void this.fold({ wait: false }).catch((error: unknown) => this.logger.error(`Statistics rollup: ${error}`));
    this.interval = setInterval(run, this.config.statsRollupSeconds * 1000);
    this.interval.unref();
    run();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /**
   * Folds every queued change into the rollups (building them first if they were never built).
   * With `wait`, waits for another instance's fold to finish and then folds; without, returns null
   * when another instance holds the lock.
   */
  async fold({ wait }: { wait: boolean }): Promise<FoldReport | null> {
    // One run per instance at a time; a waiting caller runs again after the current one.
    while (this.running) {
      const current = await this.running.catch(() => null);
      if (!wait) return current;
    }
    this.running = this.foldUnderLock(wait).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Builds the rollups again from `appeals` alone (after a bulk load that bypassed the trigger). */
  async rebuild(): Promise<FoldReport> {
    await this.dataSource.query(`UPDATE appeal_stats_state SET built_at = NULL`);
    return (await this.fold({ wait: true }))!;
  }

  private async foldUnderLock(wait: boolean): Promise<FoldReport | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (wait) {
        await runner.query(`SELECT pg_advisory_lock(${ROLLUP_LOCK})`);
      } else {
        const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${ROLLUP_LOCK}) AS locked`);
        if (!locked) return null;
      }
      try {
        const started = performance.now();
        const calendar = await this.calendars.current();
        const [state] = await runner.query(`SELECT built_at FROM appeal_stats_state`);
        let built = false;
        let folded = 0;
        if (!state?.built_at) {
          await this.buildAll(runner.manager, calendar);
          built = true;
        }
        for (;;) {
          const count = await this.foldBatch(runner.manager, calendar);
          folded += count;
          if (count < FOLD_BATCH) break;
        }
        const report = { built, folded, millis: performance.now() - started };
        if (built) this.logger.log(`Statistics rollups built in ${report.millis} ms`);
        return report;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${ROLLUP_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Everything from `appeals`. The queue is emptied first: whatever was queued before is in the
   * appeals this build then reads, and whatever is queued after is folded next (folding is idempotent).
   */
  private async buildAll(manager: EntityManager, calendar: WorkingCalendar): Promise<void> {
    await manager.transaction(async (tx) => {
      // One large aggregation: room to hash it in memory rather than sort it on disk.
      await tx.query(`SET LOCAL work_mem = '256MB'`);
      await tx.query(`DELETE FROM appeal_stats_changes`);
      await tx.query(`TRUNCATE appeal_stats_facts, appeal_stats_rollup`);
      const [{ first }] = await tx.query(
        `SELECT to_char((min(received_at) AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS first FROM appeals`,
        [calendar.timeZone],
      );
      const ordinals = this.ordinals(calendar, first);
      await tx.query(`WITH ${ORDINALS_CTE} INSERT INTO appeal_stats_facts (${FACT_COLUMNS}) ${FACT_SELECT}`, [
        calendar.timeZone,
        ...ordinals,
      ]);
      for (const dimension of Object.keys(DIMENSION_KEYS)) {
        await tx.query(rollupSql('(SELECT 1 AS sign, * FROM appeal_stats_facts) AS facts', dimension, 'day', false));
      }
      await tx.query(MONTHS_FROM_DAYS);
      await tx.query(`UPDATE appeal_stats_state SET built_at = $1, folded_at = $1`, [this.clock.now()]);
    });
    await manager.query(`ANALYZE appeal_stats_rollup`);
  }

  /** One batch of queued changes: old facts out, new facts in, the difference added to the rollups. */
  private async foldBatch(manager: EntityManager, calendar: WorkingCalendar): Promise<number> {
    return manager.transaction(async (tx) => {
      // Taken (deleted) before the appeals are read: the facts computed next are at least as new.
      const taken: { appeal_id: string }[] = (
        await tx.query(
          `DELETE FROM appeal_stats_changes WHERE id IN (SELECT id FROM appeal_stats_changes ORDER BY id LIMIT $1)
           RETURNING appeal_id`,
          [FOLD_BATCH],
        )
      )[0];
      const ids = [...new Set(taken.map((row) => row.appeal_id))];
      if (ids.length > 0) {
        const [{ first }] = await tx.query(
          `SELECT to_char((min(registered_at) AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS first
             FROM appeals WHERE id = ANY($2::uuid[])`,
          [calendar.timeZone, ids],
        );
        const ordinals = this.ordinals(calendar, first);
        await tx.query(
          `CREATE TEMP TABLE appeal_stats_new ON COMMIT DROP AS
          WITH ${ORDINALS_CTE} ${FACT_SELECT} WHERE a.id = ANY($4::uuid[])`,
          [calendar.timeZone, ...ordinals, ids],
        );
        await tx.query(
          `CREATE TEMP TABLE appeal_stats_delta ON COMMIT DROP AS
             SELECT 1 AS sign, ${FACT_COLUMNS} FROM appeal_stats_new
             UNION ALL
             SELECT -1, ${FACT_COLUMNS} FROM appeal_stats_facts WHERE appeal_id = ANY($1::uuid[])`,
          [ids],
        );
        for (const dimension of Object.keys(DIMENSION_KEYS)) {
          for (const grain of ['day', 'month'] as const) {
            await tx.query(rollupSql('appeal_stats_delta', dimension, grain, true));
          }
        }
        await tx.query(`DELETE FROM appeal_stats_facts WHERE appeal_id = ANY($1::uuid[])`, [ids]);
        await tx.query(`INSERT INTO appeal_stats_facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM appeal_stats_new`);
      }
      await tx.query(`UPDATE appeal_stats_state SET folded_at = $1`, [this.clock.now()]);
      return taken.length;
    });
  }

  /**
   * `$2` and `$3` of the fact query: every day from `first` to tomorrow (the office's), each with
   * the number of working days after `first` up to and including it.
   */
  private ordinals(calendar: WorkingCalendar, first: string | null): [string[], number[]] {
    const last = addDays(calendar.localDate(this.clock.now()), 1);
    const days: string[] = [];
    const ordinals: number[] = [];
    let ordinal = 0;
    for (let day = first ?? last; day <= last; day = addDays(day, 1)) {
      if (days.length > 0 && calendar.isWorkingDay(day)) ordinal++;
      days.push(day);
      ordinals.push(ordinal);
    }
    return [days, ordinals];
  }
}
