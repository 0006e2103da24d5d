import { correctiveActionDeadline } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SlaPolicy } from '../../reference/sla-policies/sla-policy.entity.js';
import { timerJobId } from '../../sla/deadline-timers.js';
import { SlaEngine } from '../../sla/sla-engine.service.js';
import { type FlaggedRecord, type SlaPoint, WarningBreachTimers } from '../../sla/warning-breach-timers.js';
import { liveCorrectiveActionState } from '../corrective-action-clock.js';
import { CorrectiveAction } from '../corrective-action.entity.js';

export const CORRECTIVE_ACTION_WARNING_JOB = 'corrective-actions.sla-warning';
export const CORRECTIVE_ACTION_BREACH_JOB = 'corrective-actions.sla-breach';

type TimedAction = Pick<CorrectiveAction, 'id' | 'dueAt' | 'warningAt' | 'warnedAt' | 'breachedAt' | 'decidedAt'>;

/**
 * The deadline timers of corrective actions on the shared SLA engine: warning and breach both go to
 * the inspection's lead and the region's managers, while the action runs (no fix reported, not
 * cancelled). The clock never pauses.
 */
@Injectable()
export class CorrectiveActionSlaJobs extends WarningBreachTimers<TimedAction> {
  readonly resource = 'corrective-actions';

  constructor(sla: SlaEngine) {
    super(sla, {
      name: 'CorrectiveActionSla',
      recordName: 'corrective-action',
      lockKey: 'adaldesk:corrective-action-sla-reconciler',
      resource: 'corrective-actions',
      table: 'corrective_actions',
      runningCondition: 'decided_at IS NULL',
      runningColumns: 'decided_at AS "decidedAt"',
      flaggedColumns: 'lead_inspector_id AS "leadInspectorId"',
      jobs: { warning: CORRECTIVE_ACTION_WARNING_JOB, breach: CORRECTIVE_ACTION_BREACH_JOB },
    });
    sla.followCalendar(this);
  }

  protected isRunning(action: TimedAction): boolean {
    return !action.decidedAt;
  }

  protected async recipients(manager: EntityManager, action: FlaggedRecord): Promise<string[]> {
    const managers = await this.sla.notifications.regionManagerIds(manager, action.regionId);
    return [String(action.leadInspectorId), ...managers];
  }

  /** After an edit of the working calendar: every running action's deadline, computed again. */
  async recomputeOpenDeadlines(): Promise<number> {
    const policies = new Map((await this.sla.dataSource.getRepository(SlaPolicy).find()).map((p) => [p.id, p]));
    return this.recomputeDeadlines(
      CorrectiveAction,
      this.resource,
      'record.decidedAt IS NULL',
      (action, calendar, now) => {
        const policy = policies.get(action.slaPolicyId);
        if (!policy) return null;
        const { dueAt, warningAt } = correctiveActionDeadline({
          calendar,
          policy,
          issuedAt: action.issuedAt,
          dueOn: action.dueOn,
          termWorkingDays: action.termWorkingDays,
          // An admin may since have lowered the policy's cap; what it allows now is what counts.
          extensionDays: Math.min(action.extensionDays, policy.maxExtensionDays),
        });
        if (dueAt.getTime() === action.dueAt.getTime() && warningAt.getTime() === action.warningAt.getTime())
          return null;
        return {
          dueAt,
          warningAt,
          warnedAt: now < warningAt ? null : action.warnedAt,
          breachedAt: now <= dueAt ? null : action.breachedAt,
          slaState: liveCorrectiveActionState({ ...action, dueAt, warningAt }, now),
        };
      },
    );
  }
}

export function correctiveActionTimerId(point: SlaPoint, actionId: string, at: Date): string {
  return timerJobId('corrective-action', point, actionId, at);
}
