import { fieldsHiddenFrom, RESOURCES, type Resource } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CrudService } from '../core/crud/crud.service.js';
import { filtersFor } from '../core/crud/list-query.js';
import { AuditEvent } from './audit-event.entity.js';

/** Nobody writes audit events through the API; the classes only exist to satisfy the CRUD spec. */
class NoWrites {}
class NoUpdates {
  version: number;
}

/** The audit trail, read-only and scoped by region like everything else. */
@Injectable()
export class AuditEventsService extends CrudService<AuditEvent> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'audit-events',
      entity: AuditEvent,
      createDto: NoWrites,
      updateDto: NoUpdates,
      idType: 'integer',
      filters: filtersFor(
        {
          entityType: 'text',
          entityId: 'text',
          action: 'text',
          actorId: 'uuid',
          regionId: 'uuid',
          occurredAt: 'datetime',
        },
        ['occurredAt'],
      ),
      sortable: ['occurredAt', 'entityType', 'action'],
      defaultSort: ['occurredAt', 'DESC'],
      searchable: false,
    });
  }

  /**
   * One record's timeline: its events oldest first, each as who did what and when with the values
   * before and after, without the fields the caller may not read (the record's own scope was checked).
   */
  async timelineOf(user: AuthenticatedUser, entityType: Resource, entityId: string): Promise<object[]> {
    const events = await this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('event.entityType = :entityType AND event.entityId = :entityId', { entityType, entityId })
      .orderBy('event.id', 'ASC')
      .getMany();
    return events.map((event) => {
      const { id, occurredAt, actorId, actorEmail, actorRole, action, before, after } = this.presentValues(
        event,
        user,
      ) as AuditEvent;
      return { id, occurredAt, actorId, actorEmail, actorRole, action, before, after };
    });
  }

  protected override toJson(row: AuditEvent, user: AuthenticatedUser): object {
    return this.presentValues({ ...(super.toJson(row, user) as AuditEvent), entityType: row.entityType }, user);
  }

  /** Values recorded before and after a change lose the fields the caller may not read on that record. */
  private presentValues(row: AuditEvent, user: AuthenticatedUser): object {
    const json = row as Partial<AuditEvent>;
    if (!(RESOURCES as readonly string[]).includes(row.entityType)) return json;
    const hidden = fieldsHiddenFrom(user.ability, 'read', row.entityType as Resource);
    if (hidden.length === 0) return json;
    const visible = (values: Record<string, unknown> | null | undefined) =>
      values ? Object.fromEntries(Object.entries(values).filter(([field]) => !hidden.includes(field))) : values;
    return { ...json, before: visible(json.before), after: visible(json.after) };
  }
}
