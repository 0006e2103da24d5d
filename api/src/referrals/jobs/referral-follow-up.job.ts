import { Injectable } from '@nestjs/common';
import { DeadlineTimers, type OverdueRecord, type PendingTimer, timerJobId } from '../../sla/deadline-timers.js';
import { SlaEngine } from '../../sla/sla-engine.service.js';

export const FOLLOW_UP_JOB = 'referrals.follow-up';

type TimedReferral = { id: string; followUpDueAt: Date | null };

interface RemindedReferral {
  id: string;
  number: string;
  regionId: string;
  ownerId: string;
  dueAt: Date;
  nextDueAt: Date;
}

/**
 * Follow-up of referrals on the shared SLA engine: a referral with no outcome recorded for the
 * configured period (`REFERRAL_FOLLOW_UP_DAYS`) reminds its owner and the region's managers, then waits
 * another period. A reminder acts in one statement only if the due time it was for still stands and
 * the funnel has not ended, so a timer that runs twice, late or beside the reconciler reminds once.
 */
@Injectable()
export class ReferralFollowUpJobs extends DeadlineTimers<'follow-up', TimedReferral> {
  constructor(sla: SlaEngine) {
    super(sla, {
      name: 'ReferralFollowUp',
      recordName: 'referral',
      lockKey: 'adaldesk:referral-follow-up-reconciler',
      points: { 'follow-up': { job: FOLLOW_UP_JOB, fire: (id) => this.remind(id) } },
    });
  }

  /** When a referral whose outcome is recorded at `at` is next chased. */
  followUpDueAfter(at: Date): Date {
    return new Date(at.getTime() + this.sla.config.referralFollowUpDays * 86_400_000);
  }

  /** Reminds the owner and the region's managers if the follow-up is due; false if there was nothing to do. */
  async remind(referralId: string): Promise<boolean> {
    const result = await this.fireOnce(async (manager) => {
      // One statement decides: of two runs racing, the second finds the due time moved on.
      const [rows]: [RemindedReferral[], number] = await manager.query(
        `WITH due AS (
           SELECT id, follow_up_due_at FROM referrals
           WHERE id = $1 AND follow_up_due_at <= $3 AND status NOT IN ('refused', 'verdict')
           FOR UPDATE
         )
         UPDATE referrals r
            SET reminded_at = $3, follow_up_due_at = $3::timestamptz + make_interval(days => $2)
           FROM due WHERE r.id = due.id
         RETURNING r.id, r.number, r.region_id AS "regionId", r.owner_id AS "ownerId",
                   due.follow_up_due_at AS "dueAt", r.follow_up_due_at AS "nextDueAt"`,
        [referralId, this.sla.config.referralFollowUpDays, this.sla.clock.now()],
      );
      const referral = rows[0];
      if (!referral) return null;
      const managers = await this.sla.notifications.regionManagerIds(manager, referral.regionId);
      const notificationIds = await this.sla.notifications.notify(manager, {
        userIds: [referral.ownerId, ...managers],
        kind: 'referral_follow_up',
        entityType: 'referrals',
        entityId: referral.id,
        data: { number: referral.number, dueAt: referral.dueAt },
        dedupeKey: `follow_up:${referral.id}:${new Date(referral.dueAt).getTime()}`,
      });
      await this.sla.audit.record(manager, null, {
        action: 'follow_up_reminder',
        entityType: 'referrals',
        entityId: referral.id,
        regionId: referral.regionId,
        before: { followUpDueAt: referral.dueAt },
        after: { followUpDueAt: referral.nextDueAt },
      });
      return { notificationIds, next: { id: referral.id, followUpDueAt: new Date(referral.nextDueAt) } };
    });
    if (result === null) return false;
    await this.sync(result.next).catch((error: unknown) =>
      this.logger.warn(`Timer of referral ${referralId}: ${error}`),
    );
    return true;
  }

  protected pendingTimers(referral: TimedReferral): PendingTimer<'follow-up'>[] {
    return referral.followUpDueAt ? [{ point: 'follow-up', at: referral.followUpDueAt }] : [];
  }

  protected async overdue(limit: number): Promise<OverdueRecord<'follow-up'>[]> {
    const rows: { id: string }[] = await this.sla.dataSource.query(
      `SELECT id FROM referrals WHERE follow_up_due_at <= $2 ORDER BY follow_up_due_at LIMIT $1`,
      [limit, this.sla.clock.now()],
    );
    return rows.map(({ id }) => ({ id, points: ['follow-up'] }));
  }

  protected upcoming(horizonSeconds: number, limit: number): Promise<TimedReferral[]> {
    return this.sla.dataSource.query(
      `SELECT id, follow_up_due_at AS "followUpDueAt" FROM referrals
        WHERE follow_up_due_at > $3 AND follow_up_due_at < $3::timestamptz + make_interval(secs => $1)
        ORDER BY follow_up_due_at LIMIT $2`,
      [horizonSeconds, limit, this.sla.clock.now()],
    );
  }
}

/** Job ids name the due time they are for: a referral stepped on gets a new timer, the old finds nothing. */
export function followUpTimerId(referralId: string, dueAt: Date): string {
  return timerJobId('referral', 'follow-up', referralId, dueAt);
}
