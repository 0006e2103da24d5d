import { subject as asSubject } from '@casl/ability';
import { type Action, fieldsHiddenFrom, NEVER_DELETED, type Resource, type SubjectRecord } from '@adaldesk/libs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ClassConstructor } from 'class-transformer';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { DriverUtils } from 'typeorm/driver/DriverUtils.js';
import { DataSource, type EntityManager, type ObjectLiteral, QueryFailedError, type SelectQueryBuilder } from 'typeorm';
import { applyAbility } from '../access/ability-to-sql.js';
import { appealLinksOf, hiddenLinkFields, readableAppealIds, readableAppealSql } from '../access/linked-appeals.js';
import { readableFields } from '../access/readable-fields.js';
import { Inject } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../clock/clock.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { validateBody } from '../validation/validate-body.js';
import type { SchemaObject } from '../openapi/schema.js';
import { isValidId, type ListQuery, type ListSpec, parseListQuery } from './list-query.js';

export interface CrudSpec<E extends ObjectLiteral> extends ListSpec {
  resource: Resource;
  entity: ClassConstructor<E>;
  createDto: ClassConstructor<object>;
  updateDto: ClassConstructor<{ version: number }>;
  /** Text columns `q` searches (case-insensitive substring). */
  searchProperties?: readonly string[];
  /** Fields the API shows but nobody writes; react-admin sends them back on edit and they are ignored. */
  readOnlyFields?: readonly string[];
  /** The body each workflow step takes (`POST /api/<resource>/:id/actions/<step>`), by step. */
  stepDtos?: Readonly<Record<string, ClassConstructor<object>>>;
  /** Fields the service adds to each record it answers with (an SLA state), as OpenAPI schemas. */
  computedFields?: Readonly<Record<string, SchemaObject>>;
  /** Fields a step's answer adds to the record (what the step made beside it), by step. */
  stepAnswerFields?: Readonly<Record<string, Readonly<Record<string, SchemaObject>>>>;
}

export interface Page<T> {
  rows: T[];
  /** Every matching row, or (when `totalIsExact` is false) a lower bound: counting stopped there. */
  total: number;
  totalIsExact: boolean;
  offset: number;
}

/**
 * A search counts its matches only this far past the page: a common word matches a good part of a
 * million-row table, and nobody pages through twenty pages of results where refining the search would do.
 */
export const SEARCH_COUNT_LIMIT = 500;

/** What the REST controllers call, whatever the entity. */
export interface CrudEndpoints {
  readonly spec: { resource: Resource };
  list(user: AuthenticatedUser, rawQuery: Record<string, unknown>): Promise<Page<object>>;
  getOne(user: AuthenticatedUser, id: string): Promise<object>;
  create(user: AuthenticatedUser, body: unknown): Promise<object>;
  update(user: AuthenticatedUser, id: string, body: unknown): Promise<object>;
  remove(user: AuthenticatedUser, id: string): Promise<object>;
  exportCsv(user: AuthenticatedUser, rawQuery: Record<string, unknown>, response: CsvResponse): Promise<void>;
}

/** Where an export is written: an HTTP response. */
export interface CsvResponse extends Writable {
  setHeader(name: string, value: string): unknown;
  headersSent: boolean;
}

/** A change to a stored record, for `changeAudited`. */
export interface RecordChange<E> {
  /** The version the client read; null for a change no client made from its copy (a timer's). */
  version: number | null;
  /** The audit event's action: `update`, or the workflow step's name. */
  auditAction: string;
  /** Throws when the caller may not make this change to the record as stored. */
  authorise(existing: E): Promise<void> | void;
  /** Makes the change on a copy of the record. */
  apply(record: E): Promise<void> | void;
  /** What the audit event notes beside the changed fields (a reason); read after `apply`. */
  notes?: Record<string, unknown>;
}

interface SelectedColumn {
  column: ColumnMetadata;
  /** The column's name in the driver's row. */
  alias: string;
  /** Its property on the record, or null for a column of an embedded object (set through the metadata). */
  property: string | null;
}

type Row = ObjectLiteral & { id: string; version?: number; regionId?: string | null };

/**
 * The react-admin list contract and safe writes for one resource: permission scope in the SQL,
 * validation, optimistic locking, and an audit event in the same transaction as every change.
 */
export class CrudService<E extends Row> implements CrudEndpoints {
  /** Injected as a property, so every resource's constructor need not pass it on. */
  @Inject(Clock) protected readonly clock!: Clock;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
    readonly spec: CrudSpec<E>,
  ) {}

  async list(user: AuthenticatedUser, rawQuery: Record<string, unknown>): Promise<Page<object>> {
    this.assertAllowed(user, 'read');
    const query = parseListQuery(rawQuery, this.spec);
    const builder = this.scoped(this.dataSource.manager, user, 'read');
    this.applyFilters(builder, query, user);
    const column = this.columnPath(builder, query.sort.property);
    builder.orderBy(column, query.sort.order).addOrderBy(`${builder.alias}.id`, 'ASC');
    const limit = query.q ? query.offset + SEARCH_COUNT_LIMIT : null;
    // The page and its count on two connections at once; the count, the longer of the two, goes first.
    const [counted, rows] = await Promise.all([
      this.countRows(builder, limit),
      this.pageRows(builder.clone().offset(query.offset).limit(query.limit)),
    ]);
    const totalIsExact = limit === null || counted <= limit;
    return { rows: await this.present(rows, user), total: counted, totalIsExact, offset: query.offset };
  }

  /**
   * The page's records built from the driver's rows with the entity's column list: the lists select
   * one table with no relations, and TypeORM's entity building (`getMany`) for that took about a third
   * of a list's time in the API. Values are prepared as `getMany` prepares them (column transformers
   * included), and a NULL column is a null property, as there.
   */
  private async pageRows(builder: SelectQueryBuilder<E>): Promise<E[]> {
    const [sql, parameters] = builder.getQueryAndParameters();
    const raws = (await this.dataSource.query(sql, parameters)) as Record<string, unknown>[];
    return raws.map((raw) => this.recordOf(builder, raw));
  }

  /** One record from a row of the driver's, its values prepared as `getMany` prepares them. */
  private recordOf(builder: SelectQueryBuilder<E>, raw: Record<string, unknown>): E {
    const driver = this.dataSource.driver;
    const record = {} as E;
    for (const { column, alias, property } of this.selectedColumns(builder)) {
      const value = raw[alias];
      if (value === undefined) continue;
      const prepared: unknown = driver.prepareHydratedValue(value, column);
      if (property) (record as Record<string, unknown>)[property] = prepared;
      else column.setEntityValue(record, prepared);
    }
    return record;
  }

  private selectedColumnsCache: SelectedColumn[] | null = null;

  /** Every selected column of the list's table, with the alias TypeORM's SELECT gives it. */
  private selectedColumns(builder: SelectQueryBuilder<E>): SelectedColumn[] {
    this.selectedColumnsCache ??= builder.expressionMap
      .mainAlias!.metadata.columns.filter((column) => column.isSelect && !column.isVirtual)
      .map((column) => ({
        column,
        alias: DriverUtils.buildAlias(this.dataSource.driver, undefined, builder.alias, column.databaseName),
        property: column.embeddedMetadata ? null : column.propertyName,
      }));
    return this.selectedColumnsCache;
  }

  /**
   * `count(*)` over the list's own WHERE (TypeORM's getCount counts DISTINCT ids, which costs a sort
   * or hash of every match), stopping at `limit + 1` rows when a limit is given.
   */
  private async countRows(builder: SelectQueryBuilder<E>, limit: number | null): Promise<number> {
    const [sql, parameters] = builder.clone().orderBy().select('1').getQueryAndParameters();
    const bounded = limit === null ? sql : `${sql} LIMIT ${limit + 1}`;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM (${bounded}) matches`, [
      ...parameters,
    ])) as { total: number }[];
    return total;
  }

  /**
   * The whole filtered list as CSV, under the same scope and field rules as the list, streamed from a
   * database cursor so memory stays bounded whatever the size. `range` is ignored: an export is every page.
   */
  async exportCsv(user: AuthenticatedUser, rawQuery: Record<string, unknown>, response: CsvResponse): Promise<void> {
    this.assertAllowed(user, 'export');
    const { range: _range, ...withoutRange } = rawQuery;
    const query = parseListQuery(withoutRange, this.spec);
    const builder = this.scoped(this.dataSource.manager, user, 'export');
    this.applyFilters(builder, query, user);
    builder
      .orderBy(this.columnPath(builder, query.sort.property), query.sort.order)
      .addOrderBy(`${builder.alias}.id`, 'ASC');
    const stream = await builder.stream();
    const rows = (stream as AsyncIterable<Record<string, unknown>>)[Symbol.asyncIterator]();
    // The first row is read before the 200 goes out: a query the database refuses, or a database that
    // is away, is then an ordinary error answer rather than a CSV cut off after its header.
    let next: IteratorResult<Record<string, unknown>>;
    try {
      next = await rows.next();
    } catch (error) {
      stream.destroy();
      throw translateDatabaseError(error, this.spec.resource);
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${this.spec.resource}-${this.clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    try {
      let header: string[] | null = null;
      // A byte-order mark, so spreadsheet programs read Kazakh and Russian text as UTF-8.
      await write(response, '\uFEFF');
      let batch: E[] = [];
      // Records are presented a batch at a time: what they link to is checked once per batch.
      const flush = async () => {
        for (const json of (await this.present(batch, user)) as Record<string, unknown>[]) {
          await write(response, csvLine(header!.map((field) => json[field])));
        }
        batch = [];
      };
      for (; !next.done; next = await rows.next()) {
        const record = this.recordOf(builder, next.value);
        if (!header) {
          header = Object.keys(this.toJson(record, user)).filter((field) =>
            user.ability.can('export', this.spec.resource, field),
          );
          await write(response, csvLine(header));
        }
        batch.push(record);
        if (batch.length === EXPORT_BATCH) await flush();
      }
      await flush();
      if (!header) {
        const exported = this.selectedColumns(builder)
          .map(({ column }) => column.propertyName)
          .filter((field) => user.ability.can('export', this.spec.resource, field));
        await write(response, csvLine(exported));
      }
      response.end();
    } catch (error) {
      stream.destroy();
      response.destroy(error as Error);
    }
  }

  async getOne(user: AuthenticatedUser, id: string): Promise<object> {
    this.assertAllowed(user, 'read');
    return this.presentOne(await this.findVisible(this.dataSource.manager, user, id, 'read'), user);
  }

  async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(this.spec.createDto, body);
    const values = await this.toEntityValues(dto, null, user);
    if (!user.ability.can('create', asSubject(this.spec.resource, { ...values }))) {
      throw AppError.forbidden(`You may not create ${this.spec.resource} with these values (outside your region?)`);
    }
    const saved = await this.inTransaction((manager) =>
      this.saveAudited(manager, user, manager.create(this.spec.entity, values as E)),
    );
    return this.presentOne(saved, user);
  }

  async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(this.spec.updateDto, withoutReadOnlyFields(body, this.spec.readOnlyFields ?? []));
    const saved = await this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      if (!user.ability.can('update', asSubject(this.spec.resource, { ...existing }))) {
        throw AppError.forbidden(`You may read but not change this ${this.spec.resource} record`);
      }
      if (existing.version !== dto.version) throw AppError.staleVersion(this.spec.resource, id, existing.version ?? 0);
      const values = await this.toEntityValues(dto, existing, user);
      const changed = { ...existing, ...values };
      if (!user.ability.can('update', asSubject(this.spec.resource, { ...changed }))) {
        throw AppError.forbidden(`You may not move this ${this.spec.resource} record outside your scope`);
      }
      const before = this.auditView(existing);
      await manager.save(this.spec.entity, manager.merge(this.spec.entity, existing, values as never));
      const saved = await manager.findOneByOrFail(this.spec.entity, { id } as never);
      const after = this.auditView(saved);
      await this.audit.record(manager, user, {
        action: 'update',
        entityType: this.spec.resource,
        entityId: id,
        regionId: saved.regionId ?? null,
        ...changedFields(before, { ...after, ...this.writeOnlyChanges(dto) }),
      });
      return saved;
    });
    return this.presentOne(saved, user);
  }

  /**
   * A resource that is never deleted (`NEVER_DELETED` in the permission rules): 405 with what to do
   * instead to whom only that rule stops (an admin, who may otherwise manage all); the rest get the
   * usual 403 from `assertAllowed`.
   */
  protected refuseNeverDeleted(user: AuthenticatedUser): void {
    const reason = NEVER_DELETED[this.spec.resource as Resource];
    if (!reason) return;
    if (user.ability.rulesFor('delete', this.spec.resource).some((rule) => !rule.inverted)) {
      throw new AppError(ErrorCode.MethodNotAllowed, reason);
    }
  }

  async remove(user: AuthenticatedUser, id: string): Promise<object> {
    this.refuseNeverDeleted(user);
    this.assertAllowed(user, 'delete');
    const removed = await this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      if (!user.ability.can('delete', asSubject(this.spec.resource, { ...existing }))) {
        throw AppError.forbidden(`You may not delete this ${this.spec.resource} record`);
      }
      await manager.delete(this.spec.entity, { id } as never);
      await this.audit.record(manager, user, {
        action: 'delete',
        entityType: this.spec.resource,
        entityId: id,
        regionId: existing.regionId ?? null,
        before: this.auditView(existing),
      });
      return existing;
    });
    return this.presentOne(removed, user);
  }

  /**
   * Saves a new record in `manager`'s transaction, reads it back as stored (defaults and generated
   * values included) and records its audit event (`create`, or the action given) beside it.
   */
  protected async saveAudited(
    manager: EntityManager,
    user: AuthenticatedUser,
    record: E,
    action = 'create',
  ): Promise<E> {
    // A record is created at the application's present, so periods over `createdAt` follow the clock.
    const { createDateColumn, updateDateColumn } = manager.connection.getMetadata(this.spec.entity);
    const now = this.clock.now();
    for (const column of [createDateColumn, updateDateColumn]) {
      if (column) (record as Record<string, unknown>)[column.propertyName] ??= now;
    }
    const inserted = await manager.save(this.spec.entity, record);
    const stored = await manager.findOneByOrFail(this.spec.entity, { id: inserted.id } as never);
    await this.audit.record(manager, user, {
      action,
      entityType: this.spec.resource,
      entityId: stored.id,
      regionId: stored.regionId ?? null,
      after: this.auditView(stored),
    });
    return stored;
  }

  /**
   * One change to a stored record in `manager`'s transaction: loads it with a row lock, lets the
   * change refuse it (the caller's right), checks the version the client read, applies the change to
   * a copy, saves it, reads it back as stored and records the audit event with the fields that
   * changed and the change's notes.
   */
  protected async changeAudited(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    change: RecordChange<E>,
  ): Promise<E> {
    const existing = await this.findVisible(manager, user, id, 'read', true);
    await change.authorise(existing);
    if (change.version !== null && existing.version !== change.version) {
      throw AppError.staleVersion(this.spec.resource, id, existing.version ?? 0);
    }
    // Arrays are copied: a step that changed one in place would otherwise change "before" too.
    const before = Object.fromEntries(
      Object.entries(existing).map(([field, value]) => [field, Array.isArray(value) ? [...value] : value]),
    );
    const record = manager.merge(this.spec.entity, manager.create(this.spec.entity, {} as never), existing);
    await change.apply(record);
    await manager.save(this.spec.entity, record);
    const stored = await manager.findOneByOrFail(this.spec.entity, { id } as never);
    const diff = changedFields(before, stored);
    await this.audit.record(manager, user, {
      action: change.auditAction,
      entityType: this.spec.resource,
      entityId: id,
      regionId: stored.regionId ?? null,
      before: diff.before,
      after: { ...diff.after, ...change.notes },
    });
    return stored;
  }

  /**
   * The validated body of a workflow step, `POST /api/<resource>/:id/actions/<action>`: 404 naming the
   * steps for an action that does not exist, 403 for a role that never takes it, 400 for a bad body.
   */
  protected async stepBody<A extends string, D extends object>(
    user: AuthenticatedUser,
    action: string,
    body: unknown,
    bodies: Record<A, ClassConstructor<D>>,
  ): Promise<{ action: A; dto: D }> {
    if (!Object.hasOwn(bodies, action)) {
      throw new AppError(
        ErrorCode.NotFound,
        `No ${this.spec.resource} action "${action}"; actions: ${Object.keys(bodies).join(', ')}`,
      );
    }
    this.assertAllowed(user, action as Action);
    return { action: action as A, dto: await validateBody(bodies[action as A], body) };
  }

  /** Values to write from a validated DTO; override to derive or transform fields. */
  protected async toEntityValues(dto: object, _existing: E | null, _user: AuthenticatedUser): Promise<Partial<E>> {
    const { version: _version, ...values } = dto as Record<string, unknown>;
    return values as Partial<E>;
  }

  /** The record as the API returns it, without the fields the caller may not read. */
  protected toJson(row: E, user: AuthenticatedUser): object {
    const subject = asSubject(this.spec.resource, { ...row }) as SubjectRecord;
    const fields = Object.keys(row);
    const readable = readableFields(user.ability, 'read', this.spec.resource, subject, fields);
    // Every field readable (a manager's list): the copy already is the answer; its subject type is not enumerable.
    if (readable.length === fields.length) return subject;
    const shown: Record<string, unknown> = {};
    for (const field of readable) shown[field] = row[field];
    return shown;
  }

  /**
   * The records as the API returns them: `toJson`, less the links to appeals the caller may not read
   * and the text copied from those appeals (`APPEAL_LINKS`).
   */
  protected async present(rows: E[], user: AuthenticatedUser): Promise<object[]> {
    const json = rows.map((row) => this.toJson(row, user) as Record<string, unknown>);
    const links = appealLinksOf(this.spec.resource);
    if (links.length === 0 || rows.length === 0) return json;
    const linked = rows.flatMap((row) => links.map((link) => row[link.field]));
    const readable = await readableAppealIds(this.dataSource.manager, user.ability, linked);
    rows.forEach((row, index) => {
      for (const field of hiddenLinkFields(this.spec.resource, row, readable)) delete json[index][field];
    });
    return json;
  }

  protected async presentOne(row: E, user: AuthenticatedUser): Promise<object> {
    const [json] = await this.present([row], user);
    return json;
  }

  /** Write-only fields the audit trail notes as changed without their value (a new password). */
  protected writeOnlyChanges(_dto: object): Record<string, unknown> {
    return {};
  }

  /** The record as the audit trail keeps it. */
  protected auditView(row: E): object {
    return { ...row };
  }

  protected scoped(manager: EntityManager, user: AuthenticatedUser, action: Action): SelectQueryBuilder<E> {
    const builder = manager.getRepository(this.spec.entity).createQueryBuilder('record');
    applyAbility(builder, user.ability, action, this.spec.resource);
    return builder;
  }

  /** A record in the caller's scope, or 404 — out-of-scope records are indistinguishable from missing ones. */
  protected async findVisible(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    action: Action,
    lock = false,
  ): Promise<E> {
    if (!isValidId(id, this.spec.idType)) throw AppError.notFound(this.spec.resource, id);
    const builder = this.scoped(manager, user, action).andWhere('record.id = :id', { id });
    if (lock) builder.setLock('pessimistic_write');
    const row = await builder.getOne();
    if (!row) throw AppError.notFound(this.spec.resource, id);
    return row;
  }

  protected applyFilters(builder: SelectQueryBuilder<E>, query: ListQuery, user: AuthenticatedUser): void {
    const hidden = fieldsHiddenFrom(user.ability, 'read', this.spec.resource);
    const links = appealLinksOf(this.spec.resource);
    query.filters.forEach(({ spec, value }, index) => {
      const column = this.columnPath(builder, spec.property);
      const param = `filter_${index}`;
      // A filter on what the caller may not see matches nothing, as it would for a record that does not exist.
      if (hidden.includes(spec.property)) builder.andWhere('1 = 0');
      const link = links.find((candidate) => candidate.field === spec.property);
      if (link && value !== null && !(spec.operator === 'isNull' && value === true)) {
        const readable = readableAppealSql(this.dataSource, user.ability, column, `${param}_link`);
        builder.andWhere(readable.sql, readable.params);
      }
      if (spec.operator === 'isNull') builder.andWhere(`${column} IS ${value ? '' : 'NOT '}NULL`);
      else if (value === null) builder.andWhere(`${column} IS NULL`);
      else if (Array.isArray(value)) builder.andWhere(`${column} = ANY(:${param})`, { [param]: value });
      else {
        const operator = { eq: '=', gte: '>=', lte: '<=' }[spec.operator as 'eq' | 'gte' | 'lte'];
        builder.andWhere(`${column} ${operator} :${param}`, { [param]: value });
      }
    });
    if (query.q && this.spec.searchProperties?.length) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const conditions = this.spec.searchProperties.map((property) => {
        const match = `${this.columnPath(builder, property)} ILIKE :q`;
        // Text copied from a linked appeal is searched only by those who may read that appeal.
        const link = links.find((candidate) => candidate.copied.includes(property));
        if (!link) return match;
        const linkColumn = this.columnPath(builder, link.field);
        const readable = readableAppealSql(this.dataSource, user.ability, linkColumn, `q_${link.field}`);
        builder.setParameters(readable.params);
        return `(${match} AND (${linkColumn} IS NULL OR ${readable.sql}))`;
      });
      builder.andWhere(`(${conditions.join(' OR ')})`, { q: pattern });
    }
  }

  protected columnPath(builder: SelectQueryBuilder<E>, property: string): string {
    const column = builder.expressionMap.mainAlias!.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.spec.resource} has no column for "${property}"`);
    return `${builder.alias}."${column.databaseName}"`;
  }

  protected assertAllowed(user: AuthenticatedUser, action: Action): void {
    if (!user.ability.can(action, this.spec.resource)) {
      throw AppError.forbidden(`The ${user.role} role may not ${action} ${this.spec.resource}`);
    }
  }

  protected async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.translatingErrors(() => this.dataSource.transaction(work));
  }

  /** Runs database work with constraint violations turned into 400/409 naming the field. */
  protected async translatingErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateDatabaseError(error, this.spec.resource);
    }
  }

  /**
   * Inserts a record built in full here (id, version and timestamps set, so nothing needs reading
   * back) and its `create` audit event in one statement: atomic without a transaction of its own,
   * and one round trip to the database.
   */
  protected async insertWithAudit(manager: EntityManager, user: AuthenticatedUser, record: E): Promise<void> {
    const [insert, insertParameters] = insertStatement(manager, this.spec.entity, record);
    const audit = this.audit.statement(
      user,
      {
        action: 'create',
        entityType: this.spec.resource,
        entityId: record.id,
        regionId: record.regionId ?? null,
        after: this.auditView(record),
      },
      insertParameters.length + 1,
    );
    await manager.query(`WITH created AS (${insert}) ${audit.sql}`, [...insertParameters, ...audit.parameters]);
  }
}

/**
 * The INSERT of one record, every insertable column as TypeORM would write it (values prepared by the
 * driver, an unset one as DEFAULT), without TypeORM's insert builder, which took about a twentieth of
 * intake's API CPU to write a statement whose shape never changes.
 */
function insertStatement<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: ClassConstructor<E>,
  record: E,
): [string, unknown[]] {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => column.isInsert);
  const parameters: unknown[] = [];
  const values = columns.map((column) => {
    const value: unknown = column.getEntityValue(record);
    if (value === undefined) return 'DEFAULT';
    parameters.push(driver.preparePersistentValue(value, column));
    return `$${parameters.length}`;
  });
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const names = columns.map((column) => driver.escape(column.databaseName));
  return [`INSERT INTO ${table} (${names.join(', ')}) VALUES (${values.join(', ')})`, parameters];
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** One CSV record (RFC 4180); text that a spreadsheet would run as a formula is quoted with a leading '. */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const READ_ONLY_FIELDS = ['id', 'createdAt', 'updatedAt'];
/** Records an export turns into CSV at a time. */
const EXPORT_BATCH = 500;

/** react-admin sends the whole record back on edit; fields nobody may write are dropped, not refused. */
export function withoutReadOnlyFields(body: unknown, extra: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const ignored = [...READ_ONLY_FIELDS, ...extra];
  return Object.fromEntries(Object.entries(body).filter(([key]) => !ignored.includes(key)));
}

// Change on every write; the event's own time and order already say as much.
const BOOKKEEPING_FIELDS = ['version', 'updatedAt'];

export function changedFields(before: object, after: object): { before: object; after: object } {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = Object.keys(a).filter(
    (key) => !BOOKKEEPING_FIELDS.includes(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, b[key]])),
    after: Object.fromEntries(keys.map((key) => [key, a[key]])),
  };
}

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Constraint violations become the client's fault (400/409) with the field named, never a 500. */
export function translateDatabaseError(error: unknown, resource: string): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; detail?: string; constraint?: string; column?: string };
  const detailColumn = /Key \((?:lower\()?"?([a-z_]+)"?\)?\)?=/.exec(driverError.detail ?? '')?.[1];
  const field = snakeToCamel(detailColumn ?? driverError.column ?? driverError.constraint ?? 'unknown');
  switch (driverError.code) {
    case '23505':
      return new AppError(ErrorCode.Conflict, `Another ${resource} record already has this ${field}`, [
        { field, message: 'is already taken' },
      ]);
    case '23503':
      if (/is still referenced/.test(driverError.detail ?? '')) {
        return new AppError(ErrorCode.Conflict, `This ${resource} record is still in use and cannot be deleted`);
      }
      return AppError.validation([{ field, message: 'refers to a record that does not exist' }]);
    case '23P01':
      // An exclusion constraint: two periods or ranges that may not overlap.
      return new AppError(ErrorCode.Conflict, `This ${resource} record overlaps another one`, [
        {
          field: snakeToCamel(/Key \(([a-z_]+)/.exec(driverError.detail ?? '')?.[1] ?? field),
          message: 'overlaps another record',
        },
      ]);
    case '23514':
    case '23502':
      return AppError.validation([{ field, message: 'has a value the database does not accept' }]);
    default:
      // Class 22, a data exception (a date out of range, a number too large, text too long, …):
      // whatever reached the database unchecked, it is the value that is wrong, not the server.
      if (/^22[0-9A-Z]{3}$/.test(driverError.code ?? '')) {
        return AppError.validation([{ field, message: 'has a value the database does not accept' }]);
      }
      return error;
  }
}
