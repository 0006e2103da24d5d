import { slaPointReachedSql } from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';
import { DeadlineTimers, type OverdueRecord, type PendingTimer } from './deadline-timers.js';
import type { SlaEngine } from './sla-engine.service.js';

/** A running record's points, from the rules that define its SLA state (libs); the present is `$2`. */
const POINT_COLUMNS = {
  now: '$2',
  dueAt: 'due_at',
  warningAt: 'warning_at',
  pausedSince: null,
  decidedAt: 'decided_at',
};
const WARNING_REACHED = slaPointReachedSql('warning', POINT_COLUMNS);
const BREACH_REACHED = slaPointReachedSql('breach', POINT_COLUMNS);

export type SlaPoint = 'warning' | 'breach';

/** The clock columns a record on an SLA policy carries (`warning_at`, `due_at`, `warned_at`, `breached_at`). */
export interface SlaTimedRecord {
  id: string;
  dueAt: Date;
  warningAt: Date;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

/** A record just flagged, as its notifications and audit event need it. */
export interface FlaggedRecord {
  id: string;
  number: string;
  regionId: string;
  dueAt: Date;
  warningAt: Date;
  /** Whatever else `flaggedColumns` selects (an appeal's assignee, an action's inspector). */
  [column: string]: unknown;
}

export interface WarningBreachSpec {
  name: string;
  recordName: string;
  lockKey: string;
  /** The resource, as the audit trail and notifications name it. */
  resource: string;
  /** Its table; trusted SQL, never user input. */
  table: string;
  /** SQL over the table's columns: true while the record's clock runs (not settled, not paused). */
  runningCondition: string;
  /** The columns `isRunning` reads, as `column AS "property"`. */
  runningColumns: string;
  /** Extra columns the recipients need, as `column AS "property"`. */
  flaggedColumns: string;
  jobs: Record<SlaPoint, string>;
}

/**
 * Warning and breach timers of records on an SLA policy (appeals, corrective actions). Flagging
 * decides in one UPDATE (of two runs racing, only one finds the record unflagged), then notifies and
 * writes the audit event in the same transaction; e-mails go after the commit.
 */
export abstract class WarningBreachTimers<Timed extends SlaTimedRecord> extends DeadlineTimers<SlaPoint, Timed> {
  protected constructor(
    sla: SlaEngine,
    private readonly timing: WarningBreachSpec,
  ) {
    super(sla, {
      name: timing.name,
      recordName: timing.recordName,
      lockKey: timing.lockKey,
      points: {
        warning: { job: timing.jobs.warning, fire: (id) => this.warn(id) },
        // Breached means past the deadline: the job runs just after it.
        breach: { job: timing.jobs.breach, runAfterMs: 1_000, fire: (id) => this.breach(id) },
      },
    });
  }

  /** Whether the record's clock runs (the JavaScript twin of `runningCondition`). */
  protected abstract isRunning(record: Timed): boolean;

  /** Who hears of the warning or breach of a flagged record. */
  protected abstract recipients(manager: EntityManager, record: FlaggedRecord, point: SlaPoint): Promise<string[]>;

  /** Flags the warning once its point has passed and tells the recipients; false if there was nothing to do. */
  warn(id: string): Promise<boolean> {
    return this.flag(id, 'warning');
  }

  /** Flags a breach once the deadline has passed and tells the recipients; false if there was nothing to do. */
  breach(id: string): Promise<boolean> {
    return this.flag(id, 'breach');
  }

  protected pendingTimers(record: Timed): PendingTimer<SlaPoint>[] {
    if (!this.isRunning(record)) return [];
    const timers: PendingTimer<SlaPoint>[] = [];
    if (!record.warnedAt) timers.push({ point: 'warning', at: record.warningAt });
    if (!record.breachedAt) timers.push({ point: 'breach', at: record.dueAt });
    return timers;
  }

  // In both queries the line after the running condition and the order are the pending-timer index's
  // predicate and key (migration 1764450000000): the reconciler reads only records with a flag still to
  // set whose first point has come, not every open record (at a million appeals, 10 ms instead of 470).
  protected async overdue(limit: number): Promise<OverdueRecord<SlaPoint>[]> {
    const rows: { id: string; warn: boolean; breach: boolean }[] = await this.sla.dataSource.query(
      `SELECT id, (warned_at IS NULL AND ${WARNING_REACHED}) AS warn, (breached_at IS NULL AND ${BREACH_REACHED}) AS breach
         FROM ${this.timing.table}
        WHERE (${this.timing.runningCondition}) AND (warned_at IS NULL OR breached_at IS NULL)
          AND least(warning_at, due_at) <= $2
          AND ((warned_at IS NULL AND ${WARNING_REACHED}) OR (breached_at IS NULL AND ${BREACH_REACHED}))
        ORDER BY least(warning_at, due_at) LIMIT $1`,
      [limit, this.sla.clock.now()],
    );
    return rows.map(({ id, warn, breach }) => ({
      id,
      points: [...(warn ? ['warning' as const] : []), ...(breach ? ['breach' as const] : [])],
    }));
  }

  protected async upcoming(horizonSeconds: number, limit: number): Promise<Timed[]> {
    const rows: Timed[] = await this.sla.dataSource.query(
      `SELECT ${TIMED_COLUMNS}, ${this.timing.runningColumns} FROM ${this.timing.table}
        WHERE (${this.timing.runningCondition}) AND (warned_at IS NULL OR breached_at IS NULL)
          AND least(warning_at, due_at) < $3::timestamptz + make_interval(secs => $1)
          AND ((warned_at IS NULL AND warning_at < $3::timestamptz + make_interval(secs => $1))
            OR (breached_at IS NULL AND due_at < $3::timestamptz + make_interval(secs => $1)))
        ORDER BY least(warning_at, due_at) LIMIT $2`,
      [horizonSeconds, limit, this.sla.clock.now()],
    );
    return rows;
  }

  private async flag(id: string, point: SlaPoint): Promise<boolean> {
    const { table, runningCondition, flaggedColumns, resource } = this.timing;
    const result = await this.fireOnce(async (manager) => {
      // TypeORM answers an UPDATE with [rows, count].
      const [rows]: [FlaggedRecord[], number] = await manager.query(
        point === 'warning'
          ? `UPDATE ${table} SET warned_at = $2, sla_state = CASE WHEN ${BREACH_REACHED} THEN 'breached' ELSE 'at_risk' END
              WHERE id = $1 AND warned_at IS NULL AND ${WARNING_REACHED} AND (${runningCondition})
              RETURNING ${FLAGGED_COLUMNS}, ${flaggedColumns}`
          : `UPDATE ${table} SET breached_at = $2, sla_state = 'breached'
              WHERE id = $1 AND breached_at IS NULL AND ${BREACH_REACHED} AND (${runningCondition})
              RETURNING ${FLAGGED_COLUMNS}, ${flaggedColumns}`,
        [id, this.sla.clock.now()],
      );
      const record = rows[0];
      if (!record) return null;
      const notificationIds = await this.sla.notifications.notify(manager, {
        userIds: await this.recipients(manager, record, point),
        kind: point === 'warning' ? 'sla_warning' : 'sla_breach',
        entityType: resource,
        entityId: record.id,
        data: { number: record.number, dueAt: record.dueAt },
        dedupeKey: `${point}:${record.id}:${new Date(record.dueAt).getTime()}`,
      });
      await this.sla.audit.record(manager, null, {
        action: point === 'warning' ? 'sla_warning' : 'sla_breach',
        entityType: resource,
        entityId: record.id,
        regionId: record.regionId,
        after: {
          slaState: point === 'warning' ? 'at_risk' : 'breached',
          warningAt: record.warningAt,
          dueAt: record.dueAt,
        },
      });
      return { notificationIds };
    });
    return result !== null;
  }
}

const FLAGGED_COLUMNS = 'id, number, region_id AS "regionId", due_at AS "dueAt", warning_at AS "warningAt"';
const TIMED_COLUMNS =
  'id, due_at AS "dueAt", warning_at AS "warningAt", warned_at AS "warnedAt", breached_at AS "breachedAt"';
