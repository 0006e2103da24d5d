import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { NotificationsService } from '../../notifications/notifications.service.js';

export const FOLLOW_UP_JOB = 'referrals.follow-up';

/** One reconciler at a time across every API instance (apart from the appeals' own). */
const RECONCILER_LOCK = "hashtext('adaldesk:referral-follow-up-reconciler')";
const RECONCILE_BATCH = 2_000;

type TimedReferral = { id: string; followUpDueAt: Date | null };

export interface FollowUpReport {
  reminded: number;
  scheduled: number;
}

interface RemindedReferral {
  id: string;
  number: string;
  regionId: string;
  ownerId: string;
  dueAt: Date;
  nextDueAt: Date;
}

/**
 * Follow-up of referrals on the SLA engine: a referral with no outcome recorded for the configured
 * period (`REFERRAL_FOLLOW_UP_DAYS`) reminds its owner and the region's managers, then waits another
 * period. The timer is a delayed job whose id names the due time; it re-reads the referral and acts
 * in one statement only if that time is still due and the funnel has not ended, so a job that runs
 * twice, late or beside the reconciler reminds once. The reconciler finds in the database what the
 * queue lost.
 */
@Injectable()
export class ReferralFollowUpJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralFollowUp');
  private interval: NodeJS.Timeout | null = null;
  private reconciling: Promise<FollowUpReport | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.handle(FOLLOW_UP_JOB, async (data) => {
      await this.remind(String(data.referralId));
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

  /** When a referral whose outcome is recorded at `at` is next chased. */
  followUpDueAfter(at: Date): Date {
    return new Date(at.getTime() + this.config.referralFollowUpDays * 86_400_000);
  }

  /** Sets the timer of the referral's current due time; idempotent (the job id names it). */
  async sync(referral: TimedReferral): Promise<void> {
    if (!referral.followUpDueAt) return;
    await this.queue.schedule(
      followUpTimerId(referral.id, referral.followUpDueAt),
      FOLLOW_UP_JOB,
      { referralId: referral.id },
      referral.followUpDueAt,
    );
  }

  /** Reminds the owner and the region's managers if the follow-up is due; false if there was nothing to do. */
  async remind(referralId: string): Promise<boolean> {
    const result = await this.dataSource.transaction(async (manager) => {
      // One statement decides: of two runs racing, the second finds the due time moved on.
      const [rows]: [RemindedReferral[], number] = await manager.query(
        `WITH due AS (
           SELECT id, follow_up_due_at FROM referrals
           WHERE id = $1 AND follow_up_due_at <= now() AND status NOT IN ('refused', 'verdict')
           FOR UPDATE
         )
         UPDATE referrals r
            SET reminded_at = now(), follow_up_due_at = now() + make_interval(days => $2)
           FROM due WHERE r.id = due.id
         RETURNING r.id, r.number, r.region_id AS "regionId", r.owner_id AS "ownerId",
                   due.follow_up_due_at AS "dueAt", r.follow_up_due_at AS "nextDueAt"`,
        [referralId, this.config.referralFollowUpDays],
      );
      const referral = rows[0];
      if (!referral) return null;
      const recipients = [referral.ownerId, ...(await this.notifications.regionManagerIds(manager, referral.regionId))];
      const ids = await this.notifications.notify(manager, {
        userIds: recipients,
        kind: 'referral_follow_up',
        entityType: 'referrals',
        entityId: referral.id,
        data: { number: referral.number, dueAt: referral.dueAt },
        dedupeKey: `follow_up:${referral.id}:${new Date(referral.dueAt).getTime()}`,
      });
      await this.audit.record(manager, null, {
        action: 'follow_up_reminder',
        entityType: 'referrals',
        entityId: referral.id,
        regionId: referral.regionId,
        before: { followUpDueAt: referral.dueAt },
        after: { followUpDueAt: referral.nextDueAt },
      });
      return { ids, next: { id: referral.id, followUpDueAt: new Date(referral.nextDueAt) } };
    });
    if (result === null) return false;
    await this.notifications.deliver(result.ids);
    await this.sync(result.next).catch((error: unknown) =>
      this.logger.warn(`Timer of referral ${referralId}: ${error}`),
    );
    return true;
  }

  /**
   * Reminds of referrals whose follow-up fell due while their timers were lost, and re-creates the
   * timers of those due before the next run. Null when another instance holds the lock.
   */
  reconcile(): Promise<FollowUpReport | null> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<FollowUpReport | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${RECONCILER_LOCK}) AS locked`);
      if (!locked) return null;
      try {
        const report = { reminded: 0, scheduled: 0 };
        const due: { id: string }[] = await this.dataSource.query(
          `SELECT id FROM referrals WHERE follow_up_due_at <= now() ORDER BY follow_up_due_at LIMIT $1`,
          [RECONCILE_BATCH],
        );
        for (const { id } of due) if (await this.remind(id)) report.reminded++;
        const horizonSeconds = this.config.slaReconcileSeconds * 2 + 60;
        const upcoming: { id: string; followUpDueAt: Date }[] = await this.dataSource.query(
          `SELECT id, follow_up_due_at AS "followUpDueAt" FROM referrals
            WHERE follow_up_due_at > now() AND follow_up_due_at < now() + make_interval(secs => $1)
            ORDER BY follow_up_due_at LIMIT 10000`,
          [horizonSeconds],
        );
        for (const referral of upcoming) {
          await this.sync(referral);
          report.scheduled++;
        }
        if (report.reminded > 0) this.logger.log(`Reconciler: ${JSON.stringify(report)}`);
        return report;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${RECONCILER_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }
}

/** Job ids name the due time they are for: a referral stepped on gets a new timer, the old finds nothing. */
export function followUpTimerId(referralId: string, dueAt: Date): string {
  return `referral-follow-up-${referralId}-${dueAt.getTime()}`;
}
