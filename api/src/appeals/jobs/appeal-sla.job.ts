import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { SlaPolicy } from '../../reference/sla-policies/sla-policy.entity.js';
import { WorkingCalendarService } from '../../sla/working-calendar.service.js';
import { Appeal } from '../appeal.entity.js';
import { rewindClock } from '../appeal-clock.js';

export const SLA_WARNING_JOB = 'appeals.sla-warning';
export const SLA_BREACH_JOB = 'appeals.sla-breach';
export const CALENDAR_CHANGED_JOB = 'appeals.calendar-changed';

/** One reconciler at a time across every API instance. */
const RECONCILER_LOCK = "hashtext('adaldesk:sla-reconciler')";
/** Overdue appeals handled per reconciler run; the next run goes on where it stopped. */
const RECONCILE_BATCH = 2_000;
const RECOMPUTE_BATCH = 500;

type TimedAppeal = Pick<Appeal, 'id' | 'dueAt' | 'warningAt' | 'warnedAt' | 'breachedAt' | 'decidedAt' | 'pausedSince'>;

export interface ReconcileReport {
  warned: number;
  breached: number;
  scheduled: number;
}

/**
 * The SLA timers of appeals: a delayed job for the warning and one for the breach of the current
 * deadline. Jobs are reminders: each re-reads the appeal and acts only if it still stands where the
 * job expected (undecided, not paused, past the point, not yet flagged), in one statement, so a job
 * that runs twice, late, or beside the reconciler does no harm. The reconciler repairs the rest:
 * it flags what is overdue and re-creates the timers of what falls due soon.
 */
@Injectable()
export class AppealSlaJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AppealSla');
  private interval: NodeJS.Timeout | null = null;
  private reconciling: Promise<ReconcileReport | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly queue: QueueService,
    private readonly calendars: WorkingCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.handle(SLA_WARNING_JOB, async (data) => {
      await this.warn(String(data.appealId));
    });
    this.queue.handle(SLA_BREACH_JOB, async (data) => {
      await this.breach(String(data.appealId));
    });
    this.queue.handle(CALENDAR_CHANGED_JOB, async () => {
      await this.recomputeOpenDeadlines();
    });
    const run = () => void this.reconcile().catch((error: unknown) => this.logger.error(`Reconciler: ${error}`));
    this.interval = setInterval(run, this.config.slaReconcileSeconds * 1000);
    this.interval.unref();
    run();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.reconciling?.catch(() => undefined);
  }

  /**
   * Sets the timers of the appeal's current deadline that fall due before the reconciler's next runs;
   * idempotent (job ids name the deadline). Later ones are left to the reconciler, which sets them
   * when they come within its horizon: a deadline weeks away costs no queue write at intake, and the
   * queue holds minutes of timers rather than one pair per open appeal.
   */
  async sync(appeal: TimedAppeal): Promise<void> {
    if (appeal.decidedAt || appeal.pausedSince) return;
    const data = { appealId: appeal.id };
    const horizon = Date.now() + this.horizonSeconds * 1000;
    if (!appeal.warnedAt && appeal.warningAt.getTime() <= horizon) {
      await this.queue.schedule(
        timerId('warning', appeal.id, appeal.warningAt),
        SLA_WARNING_JOB,
        data,
        appeal.warningAt,
      );
    }
    if (!appeal.breachedAt && appeal.dueAt.getTime() <= horizon) {
      // Breached means past the deadline: the job runs just after it.
      const after = new Date(appeal.dueAt.getTime() + 1_000);
      await this.queue.schedule(timerId('breach', appeal.id, appeal.dueAt), SLA_BREACH_JOB, data, after);
    }
  }

  /** How far ahead timers are queued: past the run after next, so no run's delay can miss one. */
  private get horizonSeconds(): number {
    return this.config.slaReconcileSeconds * 2 + 60;
  }

  /** Warns the assignee once the warning point has passed; false if there was nothing to do. */
  async warn(appealId: string): Promise<boolean> {
    return this.flag(appealId, 'warning');
  }

  /** Flags a breach and tells the assignee and the region's managers; false if there was nothing to do. */
  async breach(appealId: string): Promise<boolean> {
    return this.flag(appealId, 'breach');
  }

  /**
   * Flags overdue appeals whose timers were lost and re-creates the timers of those due before the
   * next run. Returns null when another instance holds the reconciler's lock.
   */
  reconcile(): Promise<ReconcileReport | null> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<ReconcileReport | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${RECONCILER_LOCK}) AS locked`);
      if (!locked) return null;
      try {
        const report = { warned: 0, breached: 0, scheduled: 0 };
        const overdue: { id: string; warn: boolean; breach: boolean }[] = await this.dataSource.query(
          `SELECT id, (warned_at IS NULL AND warning_at <= now()) AS warn, (breached_at IS NULL AND due_at < now()) AS breach
           FROM appeals
           WHERE decided_at IS NULL AND paused_since IS NULL
             AND ((warned_at IS NULL AND warning_at <= now()) OR (breached_at IS NULL AND due_at < now()))
           ORDER BY due_at LIMIT $1`,
          [RECONCILE_BATCH],
        );
        for (const appeal of overdue) {
          if (appeal.warn && (await this.warn(appeal.id))) report.warned++;
          if (appeal.breach && (await this.breach(appeal.id))) report.breached++;
        }
        // Timers falling due before the run after next: re-created if the queue lost them.
        const upcoming: Appeal[] = await this.dataSource
          .getRepository(Appeal)
          .createQueryBuilder('appeal')
          .select(['appeal.id', 'appeal.dueAt', 'appeal.warningAt', 'appeal.warnedAt', 'appeal.breachedAt'])
          .addSelect(['appeal.decidedAt', 'appeal.pausedSince'])
          .where('appeal.decidedAt IS NULL AND appeal.pausedSince IS NULL')
          .andWhere(
            `((appeal.warnedAt IS NULL AND appeal.warningAt < now() + make_interval(secs => :horizon))
              OR (appeal.breachedAt IS NULL AND appeal.dueAt < now() + make_interval(secs => :horizon)))`,
            { horizon: this.horizonSeconds },
          )
          .orderBy('appeal.dueAt')
          .limit(10_000)
          .getMany();
        for (const appeal of upcoming) {
          await this.sync(appeal);
          report.scheduled++;
        }
        if (report.warned + report.breached > 0) this.logger.log(`Reconciler: ${JSON.stringify(report)}`);
        return report;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${RECONCILER_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * After an edit of the working calendar: every undecided appeal's deadline is computed again with
   * the new calendar, in batches, each change in the audit trail.
   */
  async recomputeOpenDeadlines(): Promise<number> {
    this.calendars.invalidate();
    const calendar = await this.calendars.current();
    const policies = new Map((await this.dataSource.getRepository(SlaPolicy).find()).map((p) => [p.id, p]));
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const batch = await manager
          .getRepository(Appeal)
          .createQueryBuilder('appeal')
          .setLock('pessimistic_write')
          .where('appeal.decidedAt IS NULL AND appeal.id > :after', { after })
          .orderBy('appeal.id')
          .limit(RECOMPUTE_BATCH)
          .getMany();
        const updated: Appeal[] = [];
        for (const appeal of batch) {
          const policy = policies.get(appeal.slaPolicyId);
          if (!policy) continue;
          const before = { dueAt: appeal.dueAt, warningAt: appeal.warningAt };
          try {
            rewindClock(appeal, calendar, policy, new Date());
          } catch (error) {
            // One appeal the clock cannot read must not keep every other deadline from following the calendar.
            this.logger.error(`Recomputing the deadline of appeal ${appeal.id} failed: ${error}`);
            continue;
          }
          if (
            appeal.dueAt.getTime() === before.dueAt.getTime() &&
            appeal.warningAt.getTime() === before.warningAt.getTime()
          ) {
            continue;
          }
          await manager.update(
            Appeal,
            { id: appeal.id },
            {
              dueAt: appeal.dueAt,
              warningAt: appeal.warningAt,
              warnedAt: appeal.warnedAt,
              breachedAt: appeal.breachedAt,
              slaState: appeal.slaState,
            },
          );
          await this.audit.record(manager, null, {
            action: 'sla_recompute',
            entityType: 'appeals',
            entityId: appeal.id,
            regionId: appeal.regionId,
            before,
            after: { dueAt: appeal.dueAt, warningAt: appeal.warningAt, reason: 'working calendar changed' },
          });
          updated.push(appeal);
        }
        if (batch.length > 0) after = batch[batch.length - 1].id;
        return { updated, done: batch.length < RECOMPUTE_BATCH };
      });
      changed += moved.updated.length;
      for (const appeal of moved.updated) {
        await this.sync(appeal).catch((error: unknown) => this.logger.warn(`Timers of appeal ${appeal.id}: ${error}`));
      }
      if (moved.done) break;
    }
    if (changed > 0) this.logger.log(`Working calendar changed: ${changed} open deadlines moved`);
    return changed;
  }

  private async flag(appealId: string, point: 'warning' | 'breach'): Promise<boolean> {
    const result = await this.dataSource.transaction(async (manager) => {
      // One statement decides: of two runs racing, only one finds the appeal unflagged.
      // TypeORM answers an UPDATE with [rows, count].
      const [rows]: [FlaggedAppeal[], number] = await manager.query(
        point === 'warning'
          ? `UPDATE appeals SET warned_at = now(), sla_state = CASE WHEN due_at < now() THEN 'breached' ELSE 'at_risk' END
             WHERE id = $1 AND warned_at IS NULL AND decided_at IS NULL AND paused_since IS NULL AND warning_at <= now()
             RETURNING ${FLAGGED_COLUMNS}`
          : `UPDATE appeals SET breached_at = now(), sla_state = 'breached'
             WHERE id = $1 AND breached_at IS NULL AND decided_at IS NULL AND paused_since IS NULL AND due_at < now()
             RETURNING ${FLAGGED_COLUMNS}`,
        [appealId],
      );
      const appeal = rows[0];
      if (!appeal) return null;
      const recipients = appeal.assigneeId ? [appeal.assigneeId] : [];
      if (point === 'breach') recipients.push(...(await this.notifications.regionManagerIds(manager, appeal.regionId)));
      const ids = await this.notify(manager, appeal, point, recipients);
      await this.audit.record(manager, null, {
        action: point === 'warning' ? 'sla_warning' : 'sla_breach',
        entityType: 'appeals',
        entityId: appeal.id,
        regionId: appeal.regionId,
        after: {
          slaState: point === 'warning' ? 'at_risk' : 'breached',
          warningAt: appeal.warningAt,
          dueAt: appeal.dueAt,
        },
      });
      return ids;
    });
    if (result === null) return false;
    await this.notifications.deliver(result);
    return true;
  }

  private notify(manager: EntityManager, appeal: FlaggedAppeal, point: 'warning' | 'breach', userIds: string[]) {
    return this.notifications.notify(manager, {
      userIds,
      kind: point === 'warning' ? 'sla_warning' : 'sla_breach',
      entityType: 'appeals',
      entityId: appeal.id,
      data: { number: appeal.number, dueAt: appeal.dueAt },
      dedupeKey: `${point}:${appeal.id}:${new Date(appeal.dueAt).getTime()}`,
    });
  }
}

interface FlaggedAppeal {
  id: string;
  number: string;
  regionId: string;
  assigneeId: string | null;
  dueAt: Date;
  warningAt: Date;
}
const FLAGGED_COLUMNS =
  'id, number, region_id AS "regionId", assignee_id AS "assigneeId", due_at AS "dueAt", warning_at AS "warningAt"';

/** Job ids name the moment they are for: a moved deadline gets new timers, and the old ones find nothing to do. */
export function timerId(point: 'warning' | 'breach', appealId: string, at: Date): string {
  return `appeal-${point}-${appealId}-${at.getTime()}`;
}
