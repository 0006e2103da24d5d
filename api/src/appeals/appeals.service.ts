import { subject as asSubject } from '@casl/ability';
import {
  APPEAL_KINDS,
  APPLICANT_PERSONAL_FIELDS,
  type AppealKind,
  DUPLICATE_WINDOW_DAYS,
  appealWorkflow,
  formatAppealNumber,
  parseBin,
  parseIin,
  SLA_STATES,
  type SlaState,
  SLA_RECORD_COLUMNS,
  slaStateSqlByState,
  extensionLimitProblem,
} from '@adaldesk/libs';
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditEventsService } from '../audit/audit-events.service.js';
import { AuditService, PERSONAL_DATA_READ } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import type { CsvResponse, Page } from '../core/crud/crud.service.js';
import { filtersFor, isUuid, type ListQuery, parseListQuery } from '../core/crud/list-query.js';
import { schema } from '../core/openapi/schema.js';
import { AppError, ErrorCode, type FieldProblem } from '../core/errors/app-error.js';
import { INSTANT_MESSAGE, parseInstant } from '../core/validation/dates.js';
import { validateBody } from '../core/validation/validate-body.js';
import { type ChangeContext, type StepEffects, WorkflowService } from '../core/workflow/workflow.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SlaPolicy } from '../reference/sla-policies/sla-policy.entity.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { Appeal } from './appeal.entity.js';
import { liveSlaState, rewindClock } from './appeal-clock.js';
import { ACTION_BODIES, BulkAssignDto } from './dto/appeal-actions.dto.js';
import { CreateAppealDto } from './dto/create-appeal.dto.js';
import { UpdateAppealDto } from './dto/update-appeal.dto.js';
import { AppealSlaJobs } from './jobs/appeal-sla.job.js';

/** The SQL of each SLA state, generated from the rules `slaState` evaluates (libs), so a filter is exact to the second. */
const SLA_STATE_SQL = slaStateSqlByState(SLA_RECORD_COLUMNS);

const MINIMUM_SEARCH_WORD = 3;
/** The audit trail's name for reads of many appeals at once (a search, an export); an appeal's own id is a UUID. */
const APPEAL_LISTS = 'appeal-lists';
/** A receipt time this far ahead of the server clock is a typo, not a clock difference. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Citizens' appeals from intake to decision. Every change runs in one transaction with its audit
 * event and notifications; the SLA timers are set after the commit (the database is the truth, the
 * queue only a reminder, and the reconciler repairs any timer lost on the way).
 */
@Injectable()
export class AppealsService extends WorkflowService<Appeal, typeof ACTION_BODIES> {
  private readonly logger = new Logger('Appeals');
  /** The select list of `policyColumns`, built once. */
  private policySelect: string | null = null;

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    protected readonly calendars: WorkingCalendarService,
    private readonly notifications: NotificationsService,
    private readonly timers: AppealSlaJobs,
    private readonly auditEvents: AuditEventsService,
  ) {
    super(
      dataSource,
      audit,
      {
        resource: 'appeals',
        entity: Appeal,
        computedFields: { slaState: schema.enum(SLA_STATES) },
        createDto: CreateAppealDto,
        updateDto: UpdateAppealDto,
        filters: {
          ...filtersFor(
            {
              status: 'text',
              regionId: 'uuid',
              categoryId: 'uuid',
              organisationId: 'uuid',
              assigneeId: 'uuid',
              registeredById: 'uuid',
              channel: 'text',
              kind: 'text',
              outcome: 'text',
              confidential: 'boolean',
              anonymous: 'boolean',
              duplicateOfId: 'uuid',
              receivedAt: 'datetime',
              registeredAt: 'datetime',
              dueAt: 'datetime',
              decidedAt: 'datetime',
            },
            ['receivedAt', 'registeredAt', 'dueAt', 'decidedAt'],
            ['categoryId', 'organisationId', 'assigneeId'],
          ),
          slaState: { property: 'slaState', type: 'text', operator: 'eq' },
        },
        sortable: ['number', 'receivedAt', 'registeredAt', 'dueAt', 'status', 'updatedAt'],
        defaultSort: ['receivedAt', 'DESC'],
        searchable: true,
      },
      {
        machine: appealWorkflow,
        bodies: ACTION_BODIES,
        name: { indefinite: 'An appeal', noun: 'appeal' },
        whenNoStep: 'no step is allowed from there',
        keepInScope: 'This change would move the appeal outside your own scope',
      },
    );
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    return this.presentOne(await this.register(user, body), user);
  }

  /** One appeal; shown its applicant's personal data, the reader is written into the audit trail. */
  override async getOne(user: AuthenticatedUser, id: string): Promise<object> {
    const appeal = (await super.getOne(user, id)) as { regionId: string; anonymous: boolean };
    if (!appeal.anonymous && mayRead(user, 'read')) {
      await this.recordRead(user, { entityType: 'appeals', entityId: id, regionId: appeal.regionId, after: null });
    }
    return appeal;
  }

  /** A search of applicants' names (`q`, for those who may read them) is written into the audit trail. */
  override async list(user: AuthenticatedUser, rawQuery: Record<string, unknown>): Promise<Page<object>> {
    const page = await super.list(user, rawQuery);
    const query = parseListQuery(rawQuery, this.spec);
    if (query.q && mayRead(user, 'read')) {
      await this.recordRead(user, {
        entityType: APPEAL_LISTS,
        entityId: 'search',
        regionId: user.regionId,
        after: {
          ...listOf(query),
          offset: query.offset,
          shown: page.rows.length,
          matched: page.totalIsExact ? page.total : null,
        },
      });
    }
    return page;
  }

  /**
   * An export with applicants' columns is written into the audit trail before its first byte goes
   * out: an export nobody recorded must not happen, so the event says what was asked, not how much.
   */
  override async exportCsv(user: AuthenticatedUser, rawQuery: Record<string, unknown>, response: CsvResponse) {
    if (mayRead(user, 'export')) {
      const { range: _range, ...withoutRange } = rawQuery;
      const query = parseListQuery(withoutRange, this.spec);
      await this.recordRead(user, {
        entityType: APPEAL_LISTS,
        entityId: 'export',
        regionId: user.regionId,
        after: listOf(query),
      });
    }
    await super.exportCsv(user, rawQuery, response);
  }

  /**
   * Registers an appeal; `alongside` runs in the same transaction once it is saved (a finding that
   * opens an appeal records the link there), so both stand or fall together.
   */
  async register(
    user: AuthenticatedUser,
    body: unknown,
    alongside?: (manager: EntityManager, appeal: Appeal) => Promise<void>,
  ): Promise<Appeal> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreateAppealDto, body);
    const problems = applicantProblems(dto.anonymous ?? false, dto);
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt.getTime() > this.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
      problems.push({ field: 'receivedAt', message: 'must not be in the future' });
    }
    if (problems.length > 0) throw AppError.validation(problems);
    const scope = { regionId: dto.regionId, confidential: dto.confidential ?? false, registeredById: user.id };
    if (!user.ability.can('create', asAppeal({ ...scope, assigneeId: dto.assigneeId ?? null }))) {
      throw AppError.forbidden('You may register appeals only in your own region');
    }

    const calendar = await this.calendars.current();
    const now = this.clock.now();
    const { registeredAt, registrationDate } = calendar.registration(receivedAt);
    const register = async (manager: EntityManager, context: ChangeContext | null) => {
      if (dto.assigneeId) await this.assertAssignable(manager, dto.assigneeId, dto.regionId);
      const appeal = manager.create(Appeal, {
        ...withoutVersion(dto),
        id: randomUUID(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        anonymous: dto.anonymous ?? false,
        confidential: dto.confidential ?? false,
        receivedAt,
        registeredAt,
        registeredById: user.id,
        status: 'registered',
        slaStartedAt: registeredAt,
        slaPauses: [],
        pausedSince: null,
        extensionDays: 0,
        decidedAt: null,
      });
      const { sequence, earlierId, policy } = await this.intakeLookups(manager, appeal);
      appeal.slaPolicyId = policy.id;
      rewindClock(appeal, calendar, policy, now);
      appeal.number = formatAppealNumber(Number(registrationDate.slice(0, 4)), sequence);
      appeal.duplicateOfId = earlierId;
      await this.insertWithAudit(manager, user, appeal);
      if (context) await this.notifyAssignee(context, appeal);
      if (alongside) await alongside(manager, appeal);
      return appeal;
    };
    // With nobody to notify and nothing to write alongside, the insert and its audit event are one
    // statement, atomic on its own: intake needs no transaction around it.
    const saved =
      dto.assigneeId || alongside
        ? await this.inTransaction(async (manager) => {
            const context = this.changeContext(manager, user, 'create', now, calendar);
            return { appeal: await register(manager, context), notificationIds: context.notificationIds };
          })
        : { appeal: await this.translatingErrors(() => register(this.dataSource.manager, null)), notificationIds: [] };
    this.afterCommit(saved.appeal, saved.notificationIds);
    return saved.appeal;
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdateAppealDto, withoutServerFields(body));
    return this.change(user, id, {
      permission: 'update',
      version: dto.version,
      auditAction: 'update',
      apply: async (appeal, context) => {
        const { version: _version, ...fields } = dto;
        // Fields the client did not send are undefined on the DTO, and must stay as they are.
        const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        const previous = { ...appeal };
        Object.assign(appeal, changes);
        const problems = applicantProblems(appeal.anonymous, appeal);
        if (problems.length > 0) throw AppError.validation(problems);
        if (appeal.categoryId !== previous.categoryId || appeal.kind !== previous.kind) {
          await this.applyPolicy(context, appeal);
        }
        if (appeal.organisationId !== previous.organisationId && !appeal.duplicateOfId) {
          appeal.duplicateOfId = await this.earlierAppealOf(context.manager, appeal);
        }
        if (appeal.assigneeId !== previous.assigneeId) await this.assign(context, appeal, appeal.assigneeId);
      },
    });
  }

  /** Assigns many appeals at once, all or none: `POST /api/appeals/bulk/assign`. */
  async bulkAssign(user: AuthenticatedUser, body: unknown): Promise<{ updated: string[] }> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(BulkAssignDto, body);
    const ids = [...new Set(dto.ids)];
    await this.changeEach(user, ids, {
      permission: 'update',
      version: null,
      auditAction: 'assign',
      apply: (appeal, context) => this.assign(context, appeal, dto.assigneeId),
    });
    return { updated: ids };
  }

  /** When an appeal received at `receivedAt` would be registered and due, for the intake form. */
  async previewDeadline(user: AuthenticatedUser, query: Record<string, unknown>) {
    this.assertAllowed(user, 'create');
    const problems: FieldProblem[] = [];
    const receivedAt = parseInstant(query.receivedAt);
    if (!receivedAt) problems.push({ field: 'receivedAt', message: INSTANT_MESSAGE });
    const kind = (query.kind ?? 'complaint') as AppealKind;
    if (typeof kind !== 'string' || !APPEAL_KINDS.includes(kind)) {
      problems.push({ field: 'kind', message: `must be one of: ${APPEAL_KINDS.join(', ')}` });
    }
    const categoryId = query.categoryId === undefined || query.categoryId === '' ? null : query.categoryId;
    if (categoryId !== null && !isUuid(categoryId)) {
      problems.push({ field: 'categoryId', message: 'must be a category id (UUID)' });
    }
    if (problems.length > 0) throw AppError.validation(problems);
    const calendar = await this.calendars.current();
    const policy = await this.policyFor(this.dataSource.manager, kind, categoryId as string | null);
    const { registeredAt } = calendar.registration(receivedAt!);
    const clock = { slaStartedAt: registeredAt, slaPauses: [], pausedSince: null, extensionDays: 0, decidedAt: null };
    const deadline = { ...clock } as unknown as Appeal;
    rewindClock(deadline, calendar, policy, this.clock.now());
    return {
      registeredAt,
      dueAt: deadline.dueAt,
      warningAt: deadline.warningAt,
      policy: {
        id: policy.id,
        code: policy.code,
        name: policy.name,
        goalAmount: policy.goalAmount,
        goalUnit: policy.goalUnit,
      },
    };
  }

  /** One INSERT, outside any transaction: the read is recorded before its answer goes out. */
  private async recordRead(
    user: AuthenticatedUser,
    read: { entityType: string; entityId: string; regionId: string | null; after: object | null },
  ): Promise<void> {
    await this.audit.record(this.dataSource.manager, user, { action: PERSONAL_DATA_READ, ...read });
  }

  /** The appeal's history from the audit trail, for whoever may read the appeal. */
  async timeline(user: AuthenticatedUser, id: string): Promise<object[]> {
    this.assertAllowed(user, 'read');
    await this.findVisible(this.dataSource.manager, user, id, 'read');
    return this.auditEvents.timelineOf(user, 'appeals', id);
  }

  protected override toJson(row: Appeal, user: AuthenticatedUser): object {
    // A copy of its own, so the state as of now is set on it in place.
    const json = super.toJson(row, user) as { slaState?: string };
    json.slaState = liveSlaState(row, this.clock.now());
    return json;
  }

  protected override applyFilters(
    builder: SelectQueryBuilder<Appeal>,
    query: ListQuery,
    user: AuthenticatedUser,
  ): void {
    const slaStates = query.filters.filter((filter) => filter.spec.property === 'slaState');
    const others = query.filters.filter((filter) => filter.spec.property !== 'slaState');
    super.applyFilters(builder, { ...query, filters: others, q: null }, user);
    builder.setParameter('now', this.clock.now());
    for (const { value } of slaStates) {
      const states = (Array.isArray(value) ? value : [value]) as string[];
      const unknown = states.filter((state) => !(SLA_STATES as readonly string[]).includes(state));
      if (unknown.length > 0) {
        throw AppError.validation([{ field: 'filter.slaState', message: `must be one of: ${SLA_STATES.join(', ')}` }]);
      }
      builder.andWhere(`(${states.map((state) => `(${SLA_STATE_SQL[state as SlaState]})`).join(' OR ') || 'FALSE'})`);
    }
    if (query.q) this.applySearch(builder, query.q, user.ability.can('read', 'appeals', 'applicantName'));
  }

  /**
   * Every word must appear in the number, the description, or (for those who may read it) the
   * applicant's name. Trigram indexes serve words of three letters or more, in any language.
   */
  private applySearch(builder: SelectQueryBuilder<Appeal>, q: string, searchNames: boolean): void {
    const words = q.split(/\s+/).filter((word) => word.length >= MINIMUM_SEARCH_WORD);
    const terms = words.length > 0 ? words.slice(0, 8) : [q];
    terms.forEach((term, index) => {
      const columns = ['record.number', 'record.description', ...(searchNames ? ['record.applicant_name'] : [])];
      builder.andWhere(`(${columns.map((column) => `${column} ILIKE :q${index}`).join(' OR ')})`, {
        [`q${index}`]: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    });
  }

  /** What each workflow step does beyond the status change, given its validated body. */
  protected readonly steps: StepEffects<Appeal, typeof ACTION_BODIES> = {
    triage: {
      apply: async (appeal, { categoryId, organisationId, assigneeId }, context) => {
        appeal.categoryId = categoryId;
        if (organisationId !== undefined) appeal.organisationId = organisationId;
        await this.applyPolicy(context, appeal);
        if (!appeal.duplicateOfId) appeal.duplicateOfId = await this.earlierAppealOf(context.manager, appeal);
        if (assigneeId !== undefined && assigneeId !== appeal.assigneeId) {
          await this.assign(context, appeal, assigneeId);
        }
      },
    },
    start: { apply: () => undefined },
    'request-info': {
      apply: (appeal, _dto, context) => {
        appeal.pausedSince = context.now;
        appeal.slaPauses = [...appeal.slaPauses, { from: context.now.toISOString(), to: null }];
      },
      notes: ({ reason }) => ({ reason }),
    },
    resume: {
      apply: async (appeal, _dto, context) => {
        appeal.slaPauses = appeal.slaPauses.map((pause) =>
          pause.to === null ? { ...pause, to: context.now.toISOString() } : pause,
        );
        appeal.pausedSince = null;
        await this.rewind(context, appeal);
      },
    },
    'request-extension': {
      apply: async (appeal, { days, reason }, context) => {
        const policy = await this.policyById(context.manager, appeal.slaPolicyId);
        const tooLong = extensionLimitProblem(policy, appeal.extensionDays, days);
        if (tooLong) throw AppError.validation([{ field: 'days', message: tooLong }]);
        appeal.extensionRequest = {
          days,
          reason,
          requestedById: context.user.id,
          requestedAt: context.now.toISOString(),
        };
        const managers = await this.notifications.regionManagerIds(context.manager, appeal.regionId);
        await this.notifyAbout(context, appeal, managers, 'extension_requested', `extension:${context.now.getTime()}`);
      },
    },
    'approve-extension': {
      apply: async (appeal, _dto, context) => {
        const request = appeal.extensionRequest;
        if (!request) {
          throw new AppError(ErrorCode.IllegalTransition, 'No extension has been requested for this appeal', {
            status: appeal.status,
            allowed: ['request-extension'],
          });
        }
        const policy = await this.policyById(context.manager, appeal.slaPolicyId);
        if (appeal.extensionDays + request.days > policy.maxExtensionDays) {
          throw AppError.validation([
            {
              field: 'days',
              message: `would exceed the policy's maximum extension of ${policy.maxExtensionDays} days`,
            },
          ]);
        }
        appeal.extensionDays += request.days;
        appeal.extensionRequest = null;
        // The applicant must be told of the extension within 3 working days (APPC art. 76).
        context.notes.extension = {
          ...request,
          applicantNoticeDueAt: context.calendar.deadlineAfterWorkingDays(context.now, 3),
        };
        await this.rewind(context, appeal, policy);
      },
    },
    forward: {
      apply: async (appeal, { forwardedToId, reason }, context) => {
        const policy = await this.policyByCode(context.manager, 'appeal_forward');
        appeal.forwardedToId = forwardedToId;
        appeal.resolutionText = reason;
        appeal.slaPolicyId = policy.id;
        // Forwarding is due 3 working days after registration, whatever pauses or extensions came since.
        appeal.slaPauses = appeal.slaPauses.map((pause) =>
          pause.to === null ? { ...pause, to: context.now.toISOString() } : pause,
        );
        const forwarding = { ...appeal, slaPauses: [], extensionDays: 0, pausedSince: null };
        rewindClock(forwarding, context.calendar, policy, context.now);
        appeal.dueAt = forwarding.dueAt;
        appeal.warningAt = forwarding.warningAt;
        appeal.pausedSince = null;
        appeal.extensionRequest = null;
        appeal.decidedAt = context.now;
      },
    },
    resolve: {
      apply: (appeal, { outcome, resolutionText }, context) => {
        appeal.outcome = outcome;
        appeal.resolutionText = resolutionText;
        appeal.extensionRequest = null;
        appeal.decidedAt = context.now;
      },
    },
    close: { apply: () => undefined },
    reopen: {
      apply: async (appeal, _dto, context) => {
        // A new term of consideration starts now.
        appeal.decidedAt = null;
        appeal.slaStartedAt = context.now;
        appeal.slaPauses = [];
        appeal.pausedSince = null;
        appeal.extensionDays = 0;
        appeal.extensionRequest = null;
        appeal.warnedAt = null;
        appeal.breachedAt = null;
        await this.applyPolicy(context, appeal);
      },
      notes: ({ reason }) => ({ reason }),
    },
  };

  protected override deriveFields(appeal: Appeal, context: ChangeContext): void {
    appeal.slaState = liveSlaState(appeal, context.now);
  }

  protected override afterCommit(appeal: Appeal, notificationIds: readonly string[]): void {
    this.timers.sync(appeal).catch((error: unknown) => this.logger.warn(`Timers of appeal ${appeal.id}: ${error}`));
    this.notifications
      .deliver(notificationIds)
      .catch((error: unknown) => this.logger.warn(`E-mails of appeal ${appeal.id}: ${error}`));
  }

  private async assign(context: ChangeContext, appeal: Appeal, assigneeId: string | null): Promise<void> {
    if (assigneeId !== null) await this.assertAssignable(context.manager, assigneeId, appeal.regionId);
    appeal.assigneeId = assigneeId;
    if (assigneeId !== null) await this.notifyAssignee(context, appeal);
  }

  private async notifyAssignee(context: ChangeContext, appeal: Appeal): Promise<void> {
    if (!appeal.assigneeId || appeal.assigneeId === context.user.id) return;
    await this.notifyAbout(
      context,
      appeal,
      [appeal.assigneeId],
      'appeal_assigned',
      `assigned:${context.now.getTime()}`,
    );
  }

  private async notifyAbout(
    context: ChangeContext,
    appeal: Appeal,
    userIds: string[],
    kind: 'appeal_assigned' | 'extension_requested',
    key: string,
  ): Promise<void> {
    const ids = await this.notifications.notify(context.manager, {
      userIds,
      kind,
      entityType: 'appeals',
      entityId: appeal.id,
      data: { number: appeal.number, dueAt: appeal.dueAt },
      dedupeKey: `${kind}:${appeal.id}:${key}`,
    });
    context.notificationIds.push(...ids);
  }

  /** An assignee works appeals: an active officer or manager of the appeal's region (or a national one). */
  private async assertAssignable(manager: EntityManager, assigneeId: string, regionId: string): Promise<void> {
    const [user] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('officer', 'manager')
         AND (region_id = $2 OR region_id IS NULL)`,
      [assigneeId, regionId],
    );
    if (!user) {
      throw AppError.validation([
        { field: 'assigneeId', message: "must be an active officer or manager of the appeal's region" },
      ]);
    }
  }

  /** The SLA policy the appeal's category (or, before triage, its kind) calls for, and the deadline it gives. */
  private async applyPolicy(context: ChangeContext, appeal: Appeal): Promise<void> {
    const policy = await this.policyFor(context.manager, appeal.kind, appeal.categoryId);
    appeal.slaPolicyId = policy.id;
    await this.rewind(context, appeal, policy);
  }

  private async rewind(context: ChangeContext, appeal: Appeal, policy?: SlaPolicy): Promise<void> {
    rewindClock(
      appeal,
      context.calendar,
      policy ?? (await this.policyById(context.manager, appeal.slaPolicyId)),
      context.now,
    );
  }

  private async policyFor(manager: EntityManager, kind: AppealKind, categoryId: string | null): Promise<SlaPolicy> {
    const [row] = (await manager.query(
      `SELECT ${this.policyColumns()} FROM sla_policies policy WHERE ${policyForSql(1, 2)}`,
      [categoryId, defaultPolicyCode(kind)],
    )) as SlaPolicy[];
    return this.foundPolicy(manager, row, kind, categoryId);
  }

  /** The policy row of `policyFor` as an entity, or the error that says why there is none. */
  private foundPolicy(
    manager: EntityManager,
    row: SlaPolicy | undefined,
    kind: AppealKind,
    categoryId: string | null,
  ): SlaPolicy {
    if (row?.id) return manager.create(SlaPolicy, row);
    if (categoryId) {
      throw AppError.validation([{ field: 'categoryId', message: 'refers to a record that does not exist' }]);
    }
    const code = defaultPolicyCode(kind);
    throw new AppError(ErrorCode.Conflict, `The SLA policy "${code}" is missing; an administrator must restore it`);
  }

  /** `sla_policies` columns under their property names, so a plain query's row is the entity's fields. */
  private policyColumns(): string {
    this.policySelect ??= this.dataSource
      .getMetadata(SlaPolicy)
      .columns.map((column) => `policy.${column.databaseName} AS "${column.propertyName}"`)
      .join(', ');
    return this.policySelect;
  }

  private async policyByCode(manager: EntityManager, code: string): Promise<SlaPolicy> {
    const policy = await manager.findOneBy(SlaPolicy, { code });
    if (!policy) {
      throw new AppError(ErrorCode.Conflict, `The SLA policy "${code}" is missing; an administrator must restore it`);
    }
    return policy;
  }

  private async policyById(manager: EntityManager, id: string): Promise<SlaPolicy> {
    return manager.findOneByOrFail(SlaPolicy, { id });
  }

  /**
   * What intake looks up for a new appeal, in one query as it runs for every appeal: the next
   * registration number, the SLA policy its category (or kind) calls for, and the first appeal of a
   * chain from the same applicant (IIN or BIN) about the same organisation in the 30 days before this
   * one (flagged and linked, never refused). A number taken by an appeal then refused is a gap, which
   * the numbering allows.
   */
  private async intakeLookups(
    manager: EntityManager,
    appeal: Appeal,
  ): Promise<{ sequence: number; earlierId: string | null; policy: SlaPolicy }> {
    const categoryId = appeal.categoryId ?? null;
    const [row] = (await manager.query(
      `SELECT nextval('appeal_number_seq') AS sequence, (${EARLIER_APPEAL_SQL}) AS "earlierId", policy.*
         FROM (SELECT 1) AS one
         LEFT JOIN (SELECT ${this.policyColumns()} FROM sla_policies policy
                     WHERE ${policyForSql(7, 8)}) AS policy ON true`,
      [...earlierAppealParameters(appeal), categoryId, defaultPolicyCode(appeal.kind)],
    )) as (SlaPolicy & { sequence: string; earlierId: string | null })[];
    const { sequence, earlierId, ...policy } = row;
    return {
      sequence: Number(sequence),
      earlierId,
      policy: this.foundPolicy(manager, policy as SlaPolicy, appeal.kind, categoryId),
    };
  }

  private async earlierAppealOf(manager: EntityManager, appeal: Appeal): Promise<string | null> {
    const [row] = (await manager.query(`SELECT (${EARLIER_APPEAL_SQL}) AS id`, earlierAppealParameters(appeal))) as {
      id: string | null;
    }[];
    return row.id;
  }
}

/**
 * The condition on `sla_policies policy` that picks an appeal's policy: its category's (parameter
 * `$category`), or before triage the default one for its kind (the code in parameter `$code`).
 */
const policyForSql = (category: number, code: number) =>
  `CASE WHEN $${category}::uuid IS NULL THEN policy.code = $${code}
     ELSE policy.id = (SELECT sla_policy_id FROM categories WHERE id = $${category}::uuid) END`;

/** Before triage a report of a crime is already on the "forward at once" clock. */
const defaultPolicyCode = (kind: AppealKind) => (kind === 'report' ? 'crime_report' : 'appeal_standard');

/**
 * The earlier appeal an appeal duplicates, or NULL: same IIN or BIN ($1, $2), same organisation ($3),
 * another appeal ($4), received in the `$6` days up to this one's receipt ($5).
 */
const EARLIER_APPEAL_SQL = `SELECT coalesce(duplicate_of_id, id) FROM appeals
   WHERE ($1::text IS NOT NULL AND applicant_iin = $1 OR $1::text IS NULL AND applicant_bin = $2)
     AND organisation_id = $3 AND id IS DISTINCT FROM $4::uuid
     AND received_at <= $5 AND received_at > $5::timestamptz - make_interval(days => $6)
   ORDER BY received_at DESC LIMIT 1`;

function earlierAppealParameters(appeal: Appeal): unknown[] {
  const iin = appeal.applicantIin || null;
  const bin = iin ? null : appeal.applicantBin || null;
  // No organisation or no identity: a parameter that matches nothing.
  const organisationId = iin || bin ? (appeal.organisationId ?? null) : null;
  return [iin, bin, organisationId, appeal.id ?? null, appeal.receivedAt, DUPLICATE_WINDOW_DAYS];
}

type ApplicantFields = Pick<
  CreateAppealDto,
  'applicantName' | 'applicantIin' | 'applicantBin' | 'applicantPhone' | 'applicantEmail' | 'applicantAddress'
>;

/** An anonymous appeal names nobody; any other names its applicant, with valid IIN and BIN if given. */
function applicantProblems(anonymous: boolean, applicant: ApplicantFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const given = Object.entries(applicant).filter(
    ([field, value]) => field.startsWith('applicant') && value !== null && value !== undefined && value !== '',
  );
  if (anonymous) {
    for (const [field] of given) problems.push({ field, message: 'must be empty for an anonymous appeal' });
    return problems;
  }
  if (!applicant.applicantName?.trim()) {
    problems.push({ field: 'applicantName', message: 'is required unless the appeal is anonymous' });
  }
  if (applicant.applicantIin) {
    const iin = parseIin(applicant.applicantIin);
    if (!iin.valid) problems.push({ field: 'applicantIin', message: `is not a valid IIN: ${iin.reason}` });
  }
  if (applicant.applicantBin) {
    const bin = parseBin(applicant.applicantBin);
    if (!bin.valid) problems.push({ field: 'applicantBin', message: `is not a valid BIN: ${bin.reason}` });
  }
  return problems;
}

/** An appeal as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
/** Whether the rules show this user any of an applicant's personal data when reading or exporting appeals. */
function mayRead(user: AuthenticatedUser, action: 'read' | 'export'): boolean {
  return APPLICANT_PERSONAL_FIELDS.some((field) => user.ability.can(action, 'appeals', field));
}

/**
 * What a search or an export asked for, as the audit trail keeps it: the filters and the sort, but not
 * the words searched for, which are often a person's name.
 */
function listOf(query: ListQuery): object {
  return {
    filter: query.filters.map(({ spec, value }) => ({ field: spec.property, operator: spec.operator, value })),
    searched: query.q !== null,
    sort: query.sort,
  };
}

const asAppeal = (record: object) => asSubject('appeals', { ...record } as Record<string, unknown>);

function withoutVersion<T extends object>(dto: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = dto as T & { version?: number };
  return rest;
}

/** Fields react-admin sends back on edit that nobody writes through `PUT`; dropped, not refused. */
const SERVER_FIELDS = new Set([
  'id',
  'number',
  'createdAt',
  'updatedAt',
  'receivedAt',
  'registeredAt',
  'registeredById',
  'regionId',
  'status',
  'outcome',
  'resolutionText',
  'forwardedToId',
  'duplicateOfId',
  'anonymous',
  'slaPolicyId',
  'slaStartedAt',
  'slaPauses',
  'pausedSince',
  'extensionDays',
  'extensionRequest',
  'dueAt',
  'warningAt',
  'decidedAt',
  'slaState',
  'warnedAt',
  'breachedAt',
]);

function withoutServerFields(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !SERVER_FIELDS.has(field)));
}
