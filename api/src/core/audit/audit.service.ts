import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../../audit/audit-event.entity.js';
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

/** Writes audit events inside the caller's transaction, so a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AuthenticatedUser | null, entry: AuditEntry): Promise<void> {
    const context = currentRequestContext();
    const event = manager.create(AuditEvent, {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionId: entry.regionId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: context?.requestId ?? null,
      ip: context?.ip ?? null,
    });
    await manager.save(AuditEvent, event);
  }
}

function toJson(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}
