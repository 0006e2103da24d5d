import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { currentRequestContext } from '../context/request-context.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  regionId: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * The action of an event that records a read, not a change: someone was shown applicants' personal
 * data. Its values say what was asked (an appeal's id, a list's filter), never the data shown.
 */
export const PERSONAL_DATA_READ = 'read_personal_data';

/** An INSERT of one audit event, its parameters numbered from a given position. */
export interface AuditStatement {
  sql: string;
  parameters: unknown[];
}

const COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_email',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'region_id',
  'before',
  'after',
  'request_id',
  'ip',
];
const JSON_COLUMNS = new Set(['before', 'after']);

/** Writes audit events inside the caller's transaction, so a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, actor: AuthenticatedUser | null, entry: AuditEntry): Promise<void> {
    const { sql, parameters } = this.statement(actor, entry);
    await manager.query(sql, parameters);
  }

  /**
   * The INSERT that `record` runs, with its first parameter at `$firstParameter`, for a caller that
   * writes its change and the audit event in one statement (`WITH changed AS (…) <audit insert>`):
   * one statement is one transaction, and one round trip to the database instead of four.
   */
  statement(actor: AuthenticatedUser | null, entry: AuditEntry, firstParameter = 1): AuditStatement {
    const context = currentRequestContext();
    const values: Record<string, unknown> = {
      occurred_at: this.clock.now(),
      actor_id: actor?.id ?? null,
      actor_email: actor?.email ?? null,
      actor_role: actor?.role ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      region_id: entry.regionId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      request_id: context?.requestId ?? null,
      ip: context?.ip ?? null,
    };
    const placeholders = COLUMNS.map(
      (column, index) => `$${firstParameter + index}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`,
    );
    return {
      sql: `INSERT INTO audit_events (${COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})`,
      parameters: COLUMNS.map((column) => values[column]),
    };
  }
}

/** The value as JSON text, as the API would show it (dates as ISO strings). */
function toJson(value: object | null | undefined): string | null {
  return value ? JSON.stringify(value) : null;
}
