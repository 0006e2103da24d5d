import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SlaPolicy } from '../../reference/sla-policies/sla-policy.entity.js';
import { timerJobId } from '../../sla/deadline-timers.js';
import { SlaEngine } from '../../sla/sla-engine.service.js';
import { type FlaggedRecord, type SlaPoint, WarningBreachTimers } from '../../sla/warning-breach-timers.js';
import { Appeal } from '../appeal.entity.js';
import { rewindClock } from '../appeal-clock.js';

export const SLA_WARNING_JOB = 'appeals.sla-warning';
export const SLA_BREACH_JOB = 'appeals.sla-breach';

type TimedAppeal = Pick<Appeal, 'id' | 'dueAt' | 'warningAt' | 'warnedAt' | 'breachedAt' | 'decidedAt' | 'pausedSince'>;

/**
 * The SLA timers of appeals on the shared engine: a warning to the assignee, and a breach to the
 * assignee and the region's managers, while the appeal is undecided and not paused.
 */
@Injectable()
export class AppealSlaJobs extends WarningBreachTimers<TimedAppeal> {
  readonly resource = 'appeals';

  constructor(sla: SlaEngine) {
    super(sla, {
      name: 'AppealSla',
      recordName: 'appeal',
      lockKey: 'adaldesk:sla-reconciler',
      resource: 'appeals',
      table: 'appeals',
      runningCondition: 'decided_at IS NULL AND paused_since IS NULL',
      runningColumns: 'decided_at AS "decidedAt", paused_since AS "pausedSince"',
      flaggedColumns: 'assignee_id AS "assigneeId"',
      jobs: { warning: SLA_WARNING_JOB, breach: SLA_BREACH_JOB },
    });
    sla.followCalendar(this);
  }

  protected isRunning(appeal: TimedAppeal): boolean {
    return !appeal.decidedAt && !appeal.pausedSince;
  }

  protected async recipients(manager: EntityManager, appeal: FlaggedRecord, point: SlaPoint): Promise<string[]> {
    const recipients = appeal.assigneeId ? [String(appeal.assigneeId)] : [];
    if (point === 'breach')
      recipients.push(...(await this.sla.notifications.regionManagerIds(manager, appeal.regionId)));
    return recipients;
  }

  /** After an edit of the working calendar: every undecided appeal's deadline, computed again. */
  async recomputeOpenDeadlines(): Promise<number> {
    const policies = new Map((await this.sla.dataSource.getRepository(SlaPolicy).find()).map((p) => [p.id, p]));
    return this.recomputeDeadlines(Appeal, 'appeals', 'record.decidedAt IS NULL', (appeal, calendar, now) => {
      const policy = policies.get(appeal.slaPolicyId);
      if (!policy) return null;
      const before = { dueAt: appeal.dueAt.getTime(), warningAt: appeal.warningAt.getTime() };
      rewindClock(appeal, calendar, policy, now);
      if (appeal.dueAt.getTime() === before.dueAt && appeal.warningAt.getTime() === before.warningAt) return null;
      const { dueAt, warningAt, warnedAt, breachedAt, slaState } = appeal;
      return { dueAt, warningAt, warnedAt, breachedAt, slaState };
    });
  }
}

export function timerId(point: SlaPoint, appealId: string, at: Date): string {
  return timerJobId('appeal', point, appealId, at);
}
