import { type Action, fieldsHiddenFrom, RESOURCES, type Resource } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  APPEAL_LINKS,
  type AppealLink,
  appealLinksOf,
  hiddenLinkFields,
  readableAppealIds,
  readableAppealSql,
} from '../core/access/linked-appeals.js';
import { AuditService, PERSONAL_DATA_READ } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CrudService } from '../core/crud/crud.service.js';
import { filtersFor } from '../core/crud/list-query.js';
import { AuditEvent } from './audit-event.entity.js';

/** Nobody writes audit events through the API; the classes only exist to satisfy the CRUD spec. */
class NoWrites {}
class NoUpdates {
  version: number;
}

type Values = Record<string, unknown> | null | undefined;

/**
 * The audit trail, read-only and scoped by region like everything else. An appeal's events follow the
 * appeal's visibility (a confidential appeal's are read by those who may read the appeal); the events
 * of records linked to appeals lose the link and the copied text as the records themselves do.
 */
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
   * Reads of the record are in the audit trail but not in its history of changes.
   */
  async timelineOf(user: AuthenticatedUser, entityType: Resource, entityId: string): Promise<object[]> {
    const events = await this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('event.entityType = :entityType AND event.entityId = :entityId', { entityType, entityId })
      .andWhere('event.action <> :read', { read: PERSONAL_DATA_READ })
      .orderBy('event.id', 'ASC')
      .getMany();
    const withoutLinks = await this.hiddenLinksRemover(this.dataSource.manager, user, events);
    return events.map((event) => {
      const { id, occurredAt, actorId, actorEmail, actorRole, action, before, after } = withoutLinks(
        this.presentValues(event, user) as AuditEvent,
      );
      return { id, occurredAt, actorId, actorEmail, actorRole, action, before, after };
    });
  }

  protected override toJson(row: AuditEvent, user: AuthenticatedUser): object {
    return this.presentValues({ ...(super.toJson(row, user) as AuditEvent), entityType: row.entityType }, user);
  }

  protected override async present(rows: AuditEvent[], user: AuthenticatedUser): Promise<object[]> {
    const withoutLinks = await this.hiddenLinksRemover(this.dataSource.manager, user, rows);
    return rows.map((row) => withoutLinks(this.toJson(row, user) as Partial<AuditEvent>));
  }

  /** An appeal's events only for those who may read the appeal, in the SQL of lists, counts and exports. */
  protected override scoped(
    manager: EntityManager,
    user: AuthenticatedUser,
    action: Action,
  ): SelectQueryBuilder<AuditEvent> {
    const builder = super.scoped(manager, user, action);
    const alias = builder.alias;
    // The cast only runs on appeals' events, whose entity ids are UUIDs.
    const readable = readableAppealSql(this.dataSource, user.ability, `${alias}.entity_id::uuid`, 'event');
    if (readable.sql !== 'TRUE') {
      builder.andWhere(
        `(CASE WHEN ${alias}.entity_type = 'appeals' THEN ${readable.sql} ELSE TRUE END)`,
        readable.params,
      );
    }
    return builder;
  }

  /**
   * What takes out of the events' values the links to appeals the caller may not read, and the text
   * copied from them. An event that shows copied text without its link (a referral's summary
   * corrected) is judged by the link its record has now.
   */
  private async hiddenLinksRemover(
    manager: EntityManager,
    user: AuthenticatedUser,
    events: AuditEvent[],
  ): Promise<<T extends Partial<AuditEvent>>(json: T) => T> {
    const linked = events.filter((event) => appealLinksOf(event.entityType).length > 0);
    if (linked.length === 0) return (json) => json;
    const current = await this.currentLinks(manager, linked);
    const ids = [...current.values()].flatMap((links) => Object.values(links));
    for (const event of linked) {
      for (const link of appealLinksOf(event.entityType))
        ids.push(event.before?.[link.field], event.after?.[link.field]);
    }
    const readable = await readableAppealIds(manager, user.ability, ids);
    return (json) => {
      const type = json.entityType ?? '';
      if (appealLinksOf(type).length === 0) return json;
      const now = (link: AppealLink) => current.get(`${type}:${json.entityId}`)?.[link.field];
      const visible = (values: Values) => {
        if (!values) return values;
        const hidden = hiddenLinkFields(type, values, readable, now);
        return hidden.length === 0
          ? values
          : Object.fromEntries(Object.entries(values).filter(([field]) => !hidden.includes(field)));
      };
      return { ...json, before: visible(json.before), after: visible(json.after) };
    };
  }

  /** The links the records of these events have now, for events whose values show copied text but no link. */
  private async currentLinks(
    manager: EntityManager,
    events: AuditEvent[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const wanted = new Map<string, Set<string>>();
    for (const event of events) {
      const links = appealLinksOf(event.entityType);
      const values = [event.before, event.after].filter((v): v is Record<string, unknown> => !!v);
      const needsLink = links.some(
        (link) => link.copied.some((field) => values.some((v) => field in v)) && !values.some((v) => link.field in v),
      );
      if (needsLink) wanted.set(event.entityType, (wanted.get(event.entityType) ?? new Set()).add(event.entityId));
    }
    const current = new Map<string, Record<string, unknown>>();
    for (const [type, entityIds] of wanted) {
      const { table, links } = APPEAL_LINKS[type as Resource]!;
      const columns = links.map((link) => `${link.column} AS "${link.field}"`).join(', ');
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT id::text AS "id", ${columns} FROM ${table} WHERE id = ANY($1::uuid[])`,
        [[...entityIds]],
      );
      for (const { id, ...links } of rows) current.set(`${type}:${String(id)}`, links);
    }
    return current;
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
