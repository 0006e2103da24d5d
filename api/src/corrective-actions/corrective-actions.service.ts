import { subject as asSubject } from '@casl/ability';
import {
  CORRECTIVE_ACTION_POLICY_CODE,
  correctiveActionDeadline,
  correctiveActionWorkflow,
  FINAL_INSPECTION_STATUSES,
  formatCorrectiveActionNumber,
  SLA_STATES,
  SLA_RECORD_COLUMNS,
  slaStateSqlByState,
  type SlaState,
  extensionLimitProblem,
} from '@adaldesk/libs';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditEventsService } from '../audit/audit-events.service.js';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { type FilterSpec, filtersFor, type ListQuery } from '../core/crud/list-query.js';
import { schema } from '../core/openapi/schema.js';
import { AppError, ErrorCode, type FieldProblem } from '../core/errors/app-error.js';
import { validateBody } from '../core/validation/validate-body.js';
import { type StepEffects, WorkflowService } from '../core/workflow/workflow.service.js';
import { SlaPolicy } from '../reference/sla-policies/sla-policy.entity.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { liveCorrectiveActionState } from './corrective-action-clock.js';
import { CorrectiveAction } from './corrective-action.entity.js';
import { CORRECTIVE_ACTION_BODIES } from './dto/corrective-action-actions.dto.js';
import { CreateCorrectiveActionDto, UpdateCorrectiveActionDto } from './dto/create-corrective-action.dto.js';
import { CorrectiveActionSlaJobs } from './jobs/corrective-action-sla.job.js';

/** The SLA states a corrective action can be in (it never pauses). */
export const CORRECTIVE_ACTION_SLA_STATES = SLA_STATES.filter((state) => state !== 'paused');

/** A running action's state comes from the clock; a stopped one's was recorded when it stopped (it never pauses). */
const SLA_STATE_SQL = slaStateSqlByState({
  ...SLA_RECORD_COLUMNS,
  pausedSince: null,
  recordedState: 'record.sla_state',
});

/** `filter={"overdue": true}`: running and past the deadline (false: everything else). */
const OVERDUE_FILTER: FilterSpec = { property: 'dueAt', type: 'boolean', operator: 'eq' };
const OVERDUE_SQL = 'record.decided_at IS NULL AND record.due_at < :now';

/** Fields nobody writes through `PUT`; react-admin sends them back on edit, and they are dropped. */
const SERVER_FIELDS = [
  'number',
  'findingId',
  'inspectionId',
  'regionId',
  'leadInspectorId',
  'inspectorIds',
  'status',
  'slaPolicyId',
  'issuedAt',
  'dueOn',
  'termWorkingDays',
  'extensionDays',
  'dueAt',
  'warningAt',
  'decidedAt',
  'slaState',
  'warnedAt',
  'breachedAt',
  'reportedOn',
  'reportNote',
  'verifiedOn',
  'verificationNote',
  'verifiedById',
  'rejectionReason',
  'cancelReason',
  'createdById',
];

/** The finding an action is issued on, with what the action copies from its inspection. */
interface SourceFinding {
  id: string;
  inspectionId: string;
  regionId: string;
  organisationId: string;
  leadInspectorId: string;
  inspectorIds: string[];
  inspectionStatus: string;
}

/**
 * Corrective actions on findings: issued with a deadline on the working calendar, followed by the
 * SLA engine's timers, reported fixed, verified or rejected by the inspector. Every change runs in one
 * transaction with its audit event; the timers are set after the commit.
 */
@Injectable()
export class CorrectiveActionsService extends WorkflowService<CorrectiveAction, typeof CORRECTIVE_ACTION_BODIES> {
  private readonly logger = new Logger('CorrectiveActions');

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    protected readonly calendars: WorkingCalendarService,
    private readonly timers: CorrectiveActionSlaJobs,
    private readonly auditEvents: AuditEventsService,
  ) {
    super(
      dataSource,
      audit,
      {
        resource: 'corrective-actions',
        entity: CorrectiveAction,
        computedFields: { slaState: schema.enum(CORRECTIVE_ACTION_SLA_STATES) },
        createDto: CreateCorrectiveActionDto,
        updateDto: UpdateCorrectiveActionDto,
        filters: {
          ...filtersFor(
            {
              status: 'text',
              slaState: 'text',
              regionId: 'uuid',
              findingId: 'uuid',
              inspectionId: 'uuid',
              leadInspectorId: 'uuid',
              responsibleOrganisationId: 'uuid',
              dueAt: 'datetime',
              issuedAt: 'datetime',
            },
            ['dueAt', 'issuedAt'],
          ),
          overdue: OVERDUE_FILTER,
        },
        sortable: ['number', 'dueAt', 'issuedAt', 'status', 'slaState', 'updatedAt'],
        defaultSort: ['dueAt', 'ASC'],
        searchable: true,
        searchProperties: ['number', 'description', 'responsiblePersonName'],
        readOnlyFields: SERVER_FIELDS,
      },
      {
        machine: correctiveActionWorkflow,
        bodies: CORRECTIVE_ACTION_BODIES,
        name: { indefinite: 'A corrective action', noun: 'corrective action' },
        whenNoStep: 'it is settled',
        inspectorRefusal: (permission) => `Only the inspectors of this action's inspection may ${permission} it`,
      },
    );
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreateCorrectiveActionDto, body);
    const problems: FieldProblem[] = [];
    if (dto.dueOn && dto.termWorkingDays) {
      const message = 'give the deadline either as a date (dueOn) or as working days (termWorkingDays), not both';
      problems.push({ field: 'dueOn', message }, { field: 'termWorkingDays', message });
    }
    const now = this.clock.now();
    const calendar = await this.calendars.current();
    const saved = await this.inTransaction(async (manager) => {
      const found = await this.sourceFinding(manager, dto.findingId);
      // A finding outside the caller's region is as good as missing.
      const finding = found && user.ability.can('read', asAction(found)) ? found : null;
      if (!finding) problems.push({ field: 'findingId', message: 'refers to no finding' });
      else if ((FINAL_INSPECTION_STATUSES as readonly string[]).includes(finding.inspectionStatus)) {
        problems.push({ field: 'findingId', message: `belongs to an inspection that is ${finding.inspectionStatus}` });
      }
      const policy = await manager.findOneBy(SlaPolicy, { code: CORRECTIVE_ACTION_POLICY_CODE });
      if (!policy) {
        throw new AppError(
          ErrorCode.Conflict,
          `The SLA policy "${CORRECTIVE_ACTION_POLICY_CODE}" is missing; an admin must create it before actions are issued`,
        );
      }
      const issuedAt = calendar.registration(now).registeredAt;
      const deadline = (() => {
        if (problems.length > 0) return null;
        if (dto.dueOn && dto.dueOn <= calendar.localDate(issuedAt)) {
          problems.push({
            field: 'dueOn',
            message: `must be after the day of issue (${calendar.localDate(issuedAt)})`,
          });
          return null;
        }
        if (dto.dueOn && dto.dueOn > calendar.addWorkingDays(calendar.localDate(issuedAt), 365)) {
          problems.push({ field: 'dueOn', message: 'must be within 365 working days of issue' });
          return null;
        }
        return correctiveActionDeadline({
          calendar,
          policy,
          issuedAt,
          dueOn: dto.dueOn ?? null,
          termWorkingDays: dto.termWorkingDays ?? null,
          extensionDays: 0,
        });
      })();
      if (problems.length > 0 || !finding || !deadline) throw AppError.validation(problems);
      if (!user.ability.can('create', asAction({ regionId: finding.regionId, inspectorIds: finding.inspectorIds }))) {
        throw AppError.forbidden(
          'Only the inspectors of the finding’s inspection (its lead and team) may set corrective actions on it',
        );
      }
      const [{ sequence }] = await manager.query(`SELECT nextval('corrective_action_number_seq') AS sequence`);
      const action = manager.create(CorrectiveAction, {
        number: formatCorrectiveActionNumber(Number(calendar.localDate(issuedAt).slice(0, 4)), Number(sequence)),
        findingId: finding.id,
        inspectionId: finding.inspectionId,
        regionId: finding.regionId,
        // Set again from the inspection by the database trigger; given here for the type's sake.
        leadInspectorId: finding.leadInspectorId,
        inspectorIds: finding.inspectorIds,
        description: dto.description.trim(),
        responsibleOrganisationId:
          dto.responsibleOrganisationId === undefined ? finding.organisationId : dto.responsibleOrganisationId,
        responsiblePersonName: dto.responsiblePersonName.trim(),
        responsiblePersonPosition: dto.responsiblePersonPosition?.trim() || null,
        status: 'open',
        slaPolicyId: policy.id,
        issuedAt,
        dueOn: dto.dueOn ?? null,
        termWorkingDays: dto.termWorkingDays ?? null,
        extensionDays: 0,
        dueAt: deadline.dueAt,
        warningAt: deadline.warningAt,
        slaState: liveCorrectiveActionState({ ...deadline, decidedAt: null, slaState: 'on_track' }, now),
        createdById: user.id,
      });
      return this.saveAudited(manager, user, action);
    });
    this.afterCommit(saved);
    return this.toJson(saved, user);
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdateCorrectiveActionDto, withoutServerFields(body));
    return this.change(user, id, {
      permission: 'update',
      version: dto.version,
      auditAction: 'update',
      apply: (action) => {
        if (action.status !== 'open') {
          throw new AppError(
            ErrorCode.IllegalTransition,
            `A corrective action that is ${action.status} can no longer be edited`,
            { status: action.status, allowed: [] },
          );
        }
        const { version: _version, ...fields } = dto;
        for (const [field, value] of Object.entries(fields)) {
          if (value !== undefined) Object.assign(action, { [field]: typeof value === 'string' ? value.trim() : value });
        }
      },
    });
  }

  /** The action's history from the audit trail, for whoever may read the action. */
  async timeline(user: AuthenticatedUser, id: string): Promise<object[]> {
    this.assertAllowed(user, 'read');
    await this.findVisible(this.dataSource.manager, user, id, 'read');
    return this.auditEvents.timelineOf(user, 'corrective-actions', id);
  }

  protected override toJson(row: CorrectiveAction, user: AuthenticatedUser): object {
    return { ...super.toJson(row, user), slaState: liveCorrectiveActionState(row, this.clock.now()) };
  }

  protected override applyFilters(
    builder: SelectQueryBuilder<CorrectiveAction>,
    query: ListQuery,
    user: AuthenticatedUser,
  ): void {
    const special = (filter: ListQuery['filters'][number]) =>
      filter.spec === OVERDUE_FILTER || filter.spec.property === 'slaState';
    super.applyFilters(builder, { ...query, filters: query.filters.filter((filter) => !special(filter)) }, user);
    builder.setParameter('now', this.clock.now());
    for (const { spec, value } of query.filters.filter(special)) {
      if (spec === OVERDUE_FILTER) {
        if (typeof value !== 'boolean') {
          throw AppError.validation([{ field: 'filter.overdue', message: 'must be true or false' }]);
        }
        builder.andWhere(value ? `(${OVERDUE_SQL})` : `NOT (${OVERDUE_SQL})`);
        continue;
      }
      const states = (Array.isArray(value) ? value : [value]) as string[];
      const unknown = states.filter((state) => !(CORRECTIVE_ACTION_SLA_STATES as string[]).includes(state));
      if (unknown.length > 0) {
        throw AppError.validation([
          { field: 'filter.slaState', message: `must be one of: ${CORRECTIVE_ACTION_SLA_STATES.join(', ')}` },
        ]);
      }
      builder.andWhere(`(${states.map((state) => `(${SLA_STATE_SQL[state as SlaState]})`).join(' OR ') || 'FALSE'})`);
    }
  }

  /** What each step does beyond the status change, given its validated body. */
  protected readonly steps: StepEffects<CorrectiveAction, typeof CORRECTIVE_ACTION_BODIES> = {
    'report-done': {
      apply: (action, { reportedOn = null, reportNote }, { now, today, calendar }) => {
        // The day the action was written (its deadline may count from the next working day).
        const issuedOn = calendar.localDate(action.createdAt);
        const on = reportedOn ?? today;
        if (on > today) throw AppError.validation([{ field: 'reportedOn', message: 'must not be in the future' }]);
        if (on < issuedOn) {
          throw AppError.validation([
            { field: 'reportedOn', message: `must not be before the action was issued (${issuedOn})` },
          ]);
        }
        action.reportedOn = on;
        action.reportNote = reportNote.trim();
        action.rejectionReason = null;
        action.decidedAt = now;
        // Met or missed by when the body fixed it, whenever the inspector records it: by the close of
        // the day it reports, or by now when that is earlier (a fix reported today is done by now).
        const closeOfReport = calendar.localDateTime(on, calendar.workdayEnd);
        const fixedBy = closeOfReport < now ? closeOfReport : now;
        action.slaState = fixedBy <= action.dueAt ? 'met' : 'missed';
      },
    },
    verify: {
      apply: (action, { verifiedOn = null, verificationNote }, { today, user }) => {
        const on = verifiedOn ?? today;
        if (on > today) throw AppError.validation([{ field: 'verifiedOn', message: 'must not be in the future' }]);
        if (action.reportedOn && on < action.reportedOn) {
          throw AppError.validation([
            { field: 'verifiedOn', message: `must not be before the fix was reported (${action.reportedOn})` },
          ]);
        }
        action.verifiedOn = on;
        action.verificationNote = verificationNote.trim();
        action.verifiedById = user.id;
      },
    },
    reject: {
      // Back to open on the deadline it had: the time spent on the report is not given back.
      apply: (action, { reason }, { now }) => {
        action.rejectionReason = reason.trim();
        action.reportedOn = null;
        action.reportNote = null;
        action.decidedAt = null;
        action.slaState = liveCorrectiveActionState({ ...action, decidedAt: null }, now);
      },
      notes: ({ reason }) => ({ reason }),
    },
    extend: {
      apply: async (action, { days }, { manager, now, calendar }) => {
        const policy = await manager.findOneByOrFail(SlaPolicy, { id: action.slaPolicyId });
        const tooLong = extensionLimitProblem(policy, action.extensionDays, days);
        if (tooLong) throw AppError.validation([{ field: 'days', message: tooLong }]);
        action.extensionDays += days;
        const { dueAt, warningAt } = correctiveActionDeadline({
          calendar,
          policy,
          issuedAt: action.issuedAt,
          dueOn: action.dueOn,
          termWorkingDays: action.termWorkingDays,
          extensionDays: action.extensionDays,
        });
        action.dueAt = dueAt;
        action.warningAt = warningAt;
        // A deadline moved past now is warned about and breached in its turn.
        if (now < warningAt) action.warnedAt = null;
        if (now <= dueAt) action.breachedAt = null;
        action.slaState = liveCorrectiveActionState({ ...action, decidedAt: null }, now);
      },
      notes: ({ reason }) => ({ reason }),
    },
    cancel: {
      apply: (action, { reason }, { now }) => {
        action.cancelReason = reason.trim();
        // A cancelled action keeps the state it had: it was neither met nor missed.
        action.slaState = liveCorrectiveActionState(action, now);
        action.decidedAt ??= now;
      },
      notes: ({ reason }) => ({ reason }),
    },
  };

  protected override afterCommit(action: CorrectiveAction): void {
    this.timers
      .sync(action)
      .catch((error: unknown) => this.logger.warn(`Timers of corrective action ${action.id}: ${error}`));
  }

  private async sourceFinding(manager: EntityManager, findingId: string): Promise<SourceFinding | null> {
    const [finding] = await manager.query(
      `SELECT f.id, f.inspection_id AS "inspectionId", f.region_id AS "regionId",
              i.organisation_id AS "organisationId", i.lead_inspector_id AS "leadInspectorId",
              (i.lead_inspector_id || i.team_ids)::text[] AS "inspectorIds", i.status AS "inspectionStatus"
         FROM findings f JOIN inspections i ON i.id = f.inspection_id
        WHERE f.id = $1`,
      [findingId],
    );
    return (finding as SourceFinding | undefined) ?? null;
  }
}

/** A corrective action as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
const asAction = (record: object) => asSubject('corrective-actions', { ...record } as Record<string, unknown>);

function withoutServerFields(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const ignored = new Set(['id', 'createdAt', 'updatedAt', ...SERVER_FIELDS]);
  return Object.fromEntries(Object.entries(body).filter(([field]) => !ignored.has(field)));
}
