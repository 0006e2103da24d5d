import type { WorkingCalendar } from '@adaldesk/libs';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SlaEngine } from './sla-engine.service.js';

/** Overdue records handled per reconciler run; the next run goes on where it stopped. */
const RECONCILE_BATCH = 2_000;
/** Timers re-created per reconciler run. */
const UPCOMING_BATCH = 10_000;
const RECOMPUTE_BATCH = 500;

/** One point of a deadline that a timer watches: an appeal's warning or breach, a referral's follow-up. */
export interface TimerPoint {
  /** The queue job that fires it. */
  job: string;
  /** How long after its moment the job runs: a breach is past the deadline, so just after it. */
  runAfterMs?: number;
  /**
   * Acts if the record still stands where the timer expected, deciding in one statement, so a run that
   * comes twice, late, or beside the reconciler does no harm. False when there was nothing to do.
   */
  fire(recordId: string): Promise<boolean>;
}

export interface DeadlineTimerSpec<Point extends string> {
  /** The logger's name. */
  name: string;
  /**
   * Names the timers' job ids (`appeal-warning-<id>-<ms>`) and the record in their data (`appealId`);
   * both are kept stable so jobs queued by an earlier release still run.
   */
  recordName: string;
  /** The advisory lock that lets one reconciler at a time run across every API instance. */
  lockKey: string;
  points: Record<Point, TimerPoint>;
}

/** A timer still to fire: which point, and the moment it is for. */
export interface PendingTimer<Point extends string> {
  point: Point;
  at: Date;
}

/** A record with points that passed without their timer firing. */
export interface OverdueRecord<Point extends string> {
  id: string;
  points: Point[];
}

/** What one reconciler run did: records flagged per point, and timers (re-)queued. */
export type ReconcileReport<Point extends string> = Record<Point, number> & { scheduled: number };

/** A record whose deadline is counted on the working calendar. */
export interface CalendarTimedRecord extends ObjectLiteral {
  id: string;
  regionId: string;
  dueAt: Date;
  warningAt: Date;
}

/** Job ids name the moment they are for: a moved deadline gets new timers, and the old ones find nothing to do. */
export function timerJobId(recordName: string, point: string, id: string, at: Date): string {
  return `${recordName}-${point}-${id}-${at.getTime()}`;
}

/**
 * The SLA engine's timers for one kind of record. The database is the truth and the queue a reminder:
 * each timer is a delayed job whose id names the moment it is for (a moved deadline gets new timers
 * and the old ones find nothing to do), and each firing re-reads the record. A reconciler, at start
 * and periodically, under an advisory lock, fires what passed while timers were lost and re-queues the
 * timers due before its next runs. Only those are queued at all: a deadline weeks away costs no queue
 * write, and the queue holds minutes of timers rather than one per open record.
 *
 * A domain says which of its records are due (`pendingTimers`, `overdue`, `upcoming`) and what firing
 * a point does; this class does the rest, on whichever BullMQ backend the queue runs.
 */
export abstract class DeadlineTimers<Point extends string, Timed extends { id: string }>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  protected readonly logger: Logger;
  private interval: NodeJS.Timeout | null = null;
  private reconciling: Promise<ReconcileReport<Point> | null> | null = null;

  protected constructor(
    protected readonly sla: SlaEngine,
    private readonly spec: DeadlineTimerSpec<Point>,
  ) {
    this.logger = new Logger(spec.name);
  }

  /** The timers of `record` that are still to fire, whatever their distance (none once it is settled). */
  protected abstract pendingTimers(record: Timed): PendingTimer<Point>[];

  /** Records with points passed but not fired, the longest overdue first. */
  protected abstract overdue(limit: number): Promise<OverdueRecord<Point>[]>;

  /** Records with a timer to fire within `horizonSeconds`. */
  protected abstract upcoming(horizonSeconds: number, limit: number): Promise<Timed[]>;

  onApplicationBootstrap(): void {
    for (const point of this.points) {
      const { job, fire } = this.spec.points[point];
      this.sla.queue.handle(job, async (data) => {
        await fire(String(data[this.dataKey]));
      });
    }
    const run = () => void this.reconcile().catch((error: unknown) => this.logger.error(`Reconciler: ${error}`));
    this.interval = setInterval(run, this.sla.config.slaReconcileSeconds * 1000);
    this.interval.unref();
    run();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.reconciling?.catch(() => undefined);
  }

  /** The id of the job for `point` of record `id` at `at`. */
  timerId(point: Point, id: string, at: Date): string {
    return timerJobId(this.spec.recordName, point, id, at);
  }

  /** Queues the record's timers that fall due within the horizon; idempotent (job ids name their moment). */
  async sync(record: Timed): Promise<void> {
    const horizon = this.sla.clock.now().getTime() + this.sla.horizonSeconds * 1000;
    for (const { point, at } of this.pendingTimers(record)) {
      if (at.getTime() > horizon) continue;
      const { job, runAfterMs = 0 } = this.spec.points[point];
      await this.sla.queue.schedule(
        this.timerId(point, record.id, at),
        job,
        { [this.dataKey]: record.id },
        new Date(at.getTime() + runAfterMs),
      );
    }
  }

  /**
   * Fires what passed while its timers were lost and re-queues the timers due before the next runs.
   * Null when another instance holds the lock.
   */
  reconcile(): Promise<ReconcileReport<Point> | null> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  /**
   * Runs `work` in a transaction (the record's one-statement claim, its notifications and audit event);
   * after the commit, e-mails the notifications it wrote. Null when `work` found nothing to do.
   */
  protected async fireOnce<R extends { notificationIds: string[] }>(
    work: (manager: EntityManager) => Promise<R | null>,
  ): Promise<R | null> {
    const result = await this.sla.dataSource.transaction(work);
    if (result !== null) await this.sla.notifications.deliver(result.notificationIds);
    return result;
  }

  /**
   * After an edit of the working calendar: each open record's deadline is computed again, in batches
   * under row locks, each move in the audit trail, and its timers queued anew. `recompute` answers the
   * values to write, or null when nothing moved. Register with `sla.followCalendar` to be called.
   */
  protected async recomputeDeadlines<E extends CalendarTimedRecord & Timed>(
    entity: EntityTarget<E>,
    resource: string,
    openCondition: string,
    recompute: (record: E, calendar: WorkingCalendar, now: Date) => Partial<E> | null,
  ): Promise<number> {
    this.sla.calendars.invalidate();
    const calendar = await this.sla.calendars.current();
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const moved = await this.sla.dataSource.transaction(async (manager) => {
        const batch = await manager
          .getRepository(entity)
          .createQueryBuilder('record')
          .setLock('pessimistic_write')
          .where(`(${openCondition}) AND record.id > :after`, { after })
          .orderBy('record.id')
          .limit(RECOMPUTE_BATCH)
          .getMany();
        const updated: E[] = [];
        for (const record of batch) {
          const before = { dueAt: record.dueAt, warningAt: record.warningAt };
          let values: Partial<E> | null;
          try {
            values = recompute(record, calendar, this.sla.clock.now());
          } catch (error) {
            // One record the clock cannot read must not keep every other deadline from following the calendar.
            this.logger.error(`Recomputing the deadline of ${resource} ${record.id} failed: ${error}`);
            continue;
          }
          if (values === null) continue;
          await manager.update(entity, { id: record.id } as never, values as never);
          Object.assign(record, values);
          await this.sla.audit.record(manager, null, {
            action: 'sla_recompute',
            entityType: resource,
            entityId: record.id,
            regionId: record.regionId,
            before,
            after: { dueAt: record.dueAt, warningAt: record.warningAt, reason: 'working calendar changed' },
          });
          updated.push(record);
        }
        if (batch.length > 0) after = batch[batch.length - 1].id;
        return { updated, done: batch.length < RECOMPUTE_BATCH };
      });
      changed += moved.updated.length;
      for (const record of moved.updated) {
        await this.sync(record).catch((error: unknown) =>
          this.logger.warn(`Timers of ${resource} ${record.id}: ${error}`),
        );
      }
      if (moved.done) break;
    }
    if (changed > 0) this.logger.log(`Working calendar changed: ${changed} open ${resource} deadlines moved`);
    return changed;
  }

  private get points(): Point[] {
    return Object.keys(this.spec.points) as Point[];
  }

  private get dataKey(): string {
    return `${this.spec.recordName}Id`;
  }

  /**
   * Flags the overdue under the advisory lock, in the database alone, so it happens whether or not the
   * queue answers; then, with the lock let go, queues the upcoming timers. Queue calls are bounded, and
   * the first one that fails ends this run's queueing (the next run tries again): a queue that is down
   * never holds the lock, nor keeps later runs from flagging.
   */
  private async reconcileOnce(): Promise<ReconcileReport<Point> | null> {
    const report = Object.fromEntries([...this.points.map((point) => [point, 0]), ['scheduled', 0]]) as Record<
      string,
      number
    >;
    const upcoming = await this.underLock(async () => {
      for (const record of await this.overdue(RECONCILE_BATCH)) {
        for (const point of record.points) {
          if (await this.spec.points[point].fire(record.id)) report[point]++;
        }
      }
      return this.upcoming(this.sla.horizonSeconds, UPCOMING_BATCH);
    });
    if (upcoming === null) return null;
    try {
      for (const record of upcoming) {
        await this.sync(record);
        report.scheduled++;
      }
    } catch (error) {
      this.logger.warn(`Reconciler: the queue does not take timers (${error}); overdue records are still flagged`);
    }
    if (this.points.some((point) => report[point] > 0)) this.logger.log(`Reconciler: ${JSON.stringify(report)}`);
    return report as ReconcileReport<Point>;
  }

  /** `work` under this reconciler's advisory lock across every API instance; null when another holds it. */
  private async underLock<R>(work: () => Promise<R>): Promise<R | null> {
    const runner = this.sla.dataSource.createQueryRunner();
    await runner.connect();
    const lock = `hashtext('${this.spec.lockKey}')`;
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${lock}) AS locked`);
      if (!locked) return null;
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${lock})`);
      }
    } finally {
      await runner.release();
    }
  }
}
