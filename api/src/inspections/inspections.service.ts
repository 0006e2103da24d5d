import { subject as asSubject } from '@casl/ability';
import {
  CHECKLIST_TEMPLATES,
  type ChecklistEntry,
  emptyChecklist,
  FINAL_INSPECTION_STATUSES,
  formatInspectionNumber,
  type InspectionType,
  inspectionWorkflow,
  OPEN_INSPECTION_STATUSES,
  unansweredChecklistItems,
} from '@adaldesk/libs';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditEventsService } from '../audit/audit-events.service.js';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { withoutReadOnlyFields } from '../core/crud/crud.service.js';
import { type FilterSpec, filtersFor, type ListQuery } from '../core/crud/list-query.js';
import { AppError, ErrorCode, type FieldProblem } from '../core/errors/app-error.js';
import { validateBody } from '../core/validation/validate-body.js';
import { type StepEffects, WorkflowService } from '../core/workflow/workflow.service.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import {
  type ChecklistEntryDto,
  CreateInspectionDto,
  INSPECTION_ACTION_BODIES,
  UpdateInspectionDto,
} from './dto/inspection.dto.js';
import { Inspection } from './inspection.entity.js';

/** Fields nobody writes through `PUT`; react-admin sends them back on edit, and they are dropped. */
const SERVER_FIELDS = [
  'number',
  'type',
  'regionId',
  'createdById',
  'plannedStartOn',
  'plannedEndOn',
  'actualStartOn',
  'actualEndOn',
  'status',
  'cancelReason',
  'closedAt',
  'cancelledAt',
];

/**
 * Filters without a column of their own: `mine` (I lead it or am on its team) and `today` (on my desk
 * today: in progress, or planned to start by tomorrow — overdue starts included).
 */
const DESK_FILTERS: Record<string, FilterSpec> = {
  mine: { property: 'mine', type: 'boolean', operator: 'eq' },
  today: { property: 'today', type: 'boolean', operator: 'eq' },
};

/** Inspections of schools and markets: planning, the visit, the checklist and the head's sign-off. */
@Injectable()
export class InspectionsService extends WorkflowService<Inspection, typeof INSPECTION_ACTION_BODIES> {
  constructor(
    dataSource: DataSource,
    audit: AuditService,
    protected readonly calendars: WorkingCalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auditEvents: AuditEventsService,
  ) {
    super(
      dataSource,
      audit,
      {
        resource: 'inspections',
        entity: Inspection,
        createDto: CreateInspectionDto,
        updateDto: UpdateInspectionDto,
        filters: {
          ...filtersFor(
            {
              status: 'text',
              type: 'text',
              regionId: 'uuid',
              organisationId: 'uuid',
              leadInspectorId: 'uuid',
              plannedStartOn: 'date',
              plannedEndOn: 'date',
              actualStartOn: 'date',
              actualEndOn: 'date',
            },
            ['plannedStartOn', 'plannedEndOn', 'actualStartOn', 'actualEndOn'],
          ),
          ...DESK_FILTERS,
        },
        sortable: ['number', 'plannedStartOn', 'plannedEndOn', 'actualStartOn', 'status', 'type', 'updatedAt'],
        defaultSort: ['plannedStartOn', 'DESC'],
        searchable: true,
        searchProperties: ['number', 'notes', 'summary'],
        readOnlyFields: SERVER_FIELDS,
      },
      {
        machine: inspectionWorkflow,
        bodies: INSPECTION_ACTION_BODIES,
        name: { indefinite: 'An inspection', noun: 'inspection' },
        whenNoStep: 'it is finished',
        inspectorRefusal: (permission) => `Only the lead and the team of an inspection may ${permission} it`,
      },
    );
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreateInspectionDto, body);
    const problems = plannedDateProblems(dto.plannedStartOn, dto.plannedEndOn);
    const leadInspectorId = dto.leadInspectorId ?? (user.role === 'inspector' ? user.id : null);
    if (!leadInspectorId) problems.push({ field: 'leadInspectorId', message: 'is required: who leads the inspection' });
    const teamIds = dto.teamIds ?? [];

    const saved = await this.inTransaction(async (manager) => {
      const regionId = await this.regionOfTarget(manager, dto.type, dto.organisationId, dto.regionId ?? null, problems);
      if (regionId && leadInspectorId) {
        problems.push(...(await this.teamProblems(manager, regionId, leadInspectorId, teamIds)));
      }
      if (problems.length > 0) throw AppError.validation(problems);
      if (!user.ability.can('create', asInspection({ regionId, leadInspectorId, teamIds }))) {
        throw AppError.forbidden(
          user.role === 'inspector'
            ? 'An inspector plans inspections of their own region that they lead or are on the team of'
            : 'You may plan inspections only in your own region',
        );
      }
      const [{ sequence }] = await manager.query(`SELECT nextval('inspection_number_seq') AS sequence`);
      const inspection = manager.create(Inspection, {
        number: formatInspectionNumber(Number(dto.plannedStartOn.slice(0, 4)), Number(sequence)),
        type: dto.type,
        organisationId: dto.organisationId,
        regionId: regionId!,
        leadInspectorId: leadInspectorId!,
        teamIds,
        createdById: user.id,
        plannedStartOn: dto.plannedStartOn,
        plannedEndOn: dto.plannedEndOn,
        checklist: emptyChecklist(dto.type),
        notes: dto.notes ?? null,
        status: 'planned',
      });
      return this.saveAudited(manager, user, inspection);
    });
    return this.toJson(saved, user);
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdateInspectionDto, withoutReadOnlyFields(body, SERVER_FIELDS));
    return this.change(user, id, {
      permission: 'update',
      version: dto.version,
      auditAction: 'update',
      apply: async (inspection, { manager }) => {
        if (FINAL_INSPECTION_STATUSES.includes(inspection.status)) {
          throw new AppError(ErrorCode.IllegalTransition, `A ${inspection.status} inspection is no longer changed`, {
            status: inspection.status,
            allowed: [],
          });
        }
        const problems: FieldProblem[] = [];
        const { version: _version, checklist, ...fields } = dto;
        const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        const previous = { ...inspection };
        Object.assign(inspection, changes);
        if (inspection.organisationId !== previous.organisationId) {
          if (previous.status !== 'planned') {
            problems.push({ field: 'organisationId', message: 'changes only while the inspection is planned' });
          } else {
            await this.regionOfTarget(
              manager,
              inspection.type,
              inspection.organisationId,
              inspection.regionId,
              problems,
            );
          }
        }
        if (inspection.leadInspectorId !== previous.leadInspectorId || dto.teamIds !== undefined) {
          problems.push(
            ...(await this.teamProblems(manager, inspection.regionId, inspection.leadInspectorId, inspection.teamIds)),
          );
        }
        if (checklist !== undefined) {
          if (inspection.status !== 'in_progress') {
            problems.push({ field: 'checklist', message: 'is answered while the inspection is in progress' });
          } else {
            inspection.checklist = mergeChecklist(inspection.type, inspection.checklist, checklist, problems);
          }
        }
        if (problems.length > 0) throw AppError.validation(problems);
        if (!user.ability.can('update', asInspection(inspection))) {
          throw AppError.forbidden('You would no longer act on this inspection: keep yourself its lead or on its team');
        }
      },
    });
  }

  /** What each step does beyond the status change, given its validated body. */
  protected readonly steps: StepEffects<Inspection, typeof INSPECTION_ACTION_BODIES> = {
    plan: {
      apply: (inspection, { plannedStartOn, plannedEndOn }) => {
        const problems = plannedDateProblems(plannedStartOn, plannedEndOn);
        if (problems.length > 0) throw AppError.validation(problems);
        inspection.plannedStartOn = plannedStartOn;
        inspection.plannedEndOn = plannedEndOn;
      },
      // Why planned dates moved is kept in the audit trail: the inspection has no field for it.
      notes: ({ reason }) => (reason?.trim() ? { reason: reason.trim() } : {}),
    },
    start: {
      apply: (inspection, dto, { today }) => {
        inspection.actualStartOn = actualDay(dto, today, null);
      },
    },
    complete: {
      apply: (inspection, dto, { today }) => {
        const problems: FieldProblem[] = [];
        // A null checklist, which the body allows, answers nothing, as an absent one.
        if (dto.checklist) {
          inspection.checklist = mergeChecklist(inspection.type, inspection.checklist, dto.checklist, problems);
        }
        const unanswered = unansweredChecklistItems(inspection.type, inspection.checklist);
        if (unanswered.length > 0) {
          problems.push({
            field: 'checklist',
            message: `must be answered in full before completing (ok, violation or not_checked); unanswered: ${unanswered.join(', ')}`,
          });
        }
        if (problems.length > 0) throw AppError.validation(problems);
        inspection.actualEndOn = actualDay(dto, today, inspection.actualStartOn);
        if (dto.summary !== undefined) inspection.summary = dto.summary;
      },
    },
    close: {
      apply: (inspection, _dto, { now }) => {
        inspection.closedAt = now;
      },
    },
    cancel: {
      apply: (inspection, { reason }, { now }) => {
        inspection.cancelReason = reason.trim();
        inspection.cancelledAt = now;
      },
    },
  };

  /** The inspection's history from the audit trail, for whoever may read the inspection. */
  async timeline(user: AuthenticatedUser, id: string): Promise<object[]> {
    this.assertAllowed(user, 'read');
    await this.findVisible(this.dataSource.manager, user, id, 'read');
    return this.auditEvents.timelineOf(user, 'inspections', id);
  }

  /** An inspection the caller may read, for the modules that hang records on it (findings). */
  async readable(manager: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<Inspection> {
    return this.findVisible(manager, user, id, 'read', lock);
  }

  protected override applyFilters(builder: SelectQueryBuilder<Inspection>, query: ListQuery, user: AuthenticatedUser) {
    const desk = query.filters.filter(({ spec }) => spec.property in DESK_FILTERS);
    super.applyFilters(builder, { ...query, filters: query.filters.filter((filter) => !desk.includes(filter)) }, user);
    for (const { spec, value } of desk) {
      if (spec.property === 'mine') {
        const mine = `(record.lead_inspector_id = :me OR record.team_ids @> ARRAY[:me]::uuid[])`;
        builder.andWhere(value ? mine : `NOT ${mine}`, { me: user.id });
      } else if (value) {
        builder.andWhere(
          `(record.status = 'in_progress' OR (record.status = 'planned'
             AND record.planned_start_on <= (:now::timestamptz AT TIME ZONE :timeZone)::date + 1))`,
          { timeZone: this.config.timeZone, now: this.clock.now() },
        );
      } else {
        builder.andWhere(`NOT (record.status = ANY(:open))`, { open: OPEN_INSPECTION_STATUSES });
      }
    }
  }

  /**
   * The region of the inspected organisation, which must be a school for a school inspection and a
   * market for a market one; a given region must agree with it (or stand in for an organisation without one).
   */
  private async regionOfTarget(
    manager: EntityManager,
    type: InspectionType,
    organisationId: string,
    givenRegionId: string | null,
    problems: FieldProblem[],
  ): Promise<string | null> {
    const [organisation] = await manager.query(
      `SELECT type, region_id AS "regionId" FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!organisation) {
      problems.push({ field: 'organisationId', message: 'refers to no organisation' });
      return givenRegionId;
    }
    if (organisation.type !== type) {
      problems.push({
        field: 'organisationId',
        message: `must be a ${type} for a ${type} inspection (this organisation is a ${organisation.type})`,
      });
    }
    if (organisation.regionId && givenRegionId && organisation.regionId !== givenRegionId) {
      problems.push({ field: 'regionId', message: "must be the organisation's region (or left out)" });
    }
    const regionId = (organisation.regionId as string | null) ?? givenRegionId;
    if (!regionId) problems.push({ field: 'regionId', message: 'is required: the organisation has no region' });
    return regionId;
  }

  /** The lead and the team are active inspectors of the region (or national ones), the lead not twice. */
  private async teamProblems(
    manager: EntityManager,
    regionId: string,
    leadInspectorId: string,
    teamIds: string[],
  ): Promise<FieldProblem[]> {
    const ids = [leadInspectorId, ...teamIds];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE id = ANY($1) AND active AND role = 'inspector'
         AND (region_id = $2 OR region_id IS NULL)`,
      [ids, regionId],
    );
    const eligible = new Set(rows.map((row) => row.id));
    const problems: FieldProblem[] = [];
    const rule = "must be an active inspector of the inspection's region";
    if (!eligible.has(leadInspectorId)) problems.push({ field: 'leadInspectorId', message: rule });
    const strangers = teamIds.filter((id) => !eligible.has(id));
    if (strangers.length > 0) problems.push({ field: 'teamIds', message: `${rule}: ${strangers.join(', ')}` });
    if (teamIds.includes(leadInspectorId)) {
      problems.push({ field: 'teamIds', message: 'must not list the lead inspector, who leads it already' });
    }
    return problems;
  }
}

/** An inspection as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
export const asInspection = (record: object) => asSubject('inspections', { ...record } as Record<string, unknown>);

function plannedDateProblems(start: string, end: string): FieldProblem[] {
  return end < start ? [{ field: 'plannedEndOn', message: `must not be before plannedStartOn (${start})` }] : [];
}

/** The actual day of a step: today unless given, never in the future nor before `notBefore`. */
function actualDay({ on }: { on?: string | null }, today: string, notBefore: string | null): string {
  const day = on ?? today;
  if (day > today) throw AppError.validation([{ field: 'on', message: 'must not be in the future' }]);
  if (notBefore && day < notBefore) {
    throw AppError.validation([{ field: 'on', message: `must not be before the actual start (${notBefore})` }]);
  }
  return day;
}

/**
 * The checklist with `answers` applied, item by item: codes must be the template's, each at most once;
 * items not mentioned keep their answer.
 */
function mergeChecklist(
  type: InspectionType,
  current: readonly ChecklistEntry[],
  answers: readonly ChecklistEntryDto[],
  problems: FieldProblem[],
): ChecklistEntry[] {
  const codes = CHECKLIST_TEMPLATES[type].map((item) => item.code);
  const given = new Map<string, ChecklistEntryDto>();
  answers.forEach((answer, index) => {
    if (!codes.includes(answer.code)) {
      problems.push({
        field: `checklist.${index}.code`,
        message: `is not an item of the ${type} checklist; items: ${codes.join(', ')}`,
      });
    } else if (given.has(answer.code)) {
      problems.push({ field: `checklist.${index}.code`, message: `answers "${answer.code}" a second time` });
    } else {
      given.set(answer.code, answer);
    }
  });
  return codes.map((code) => {
    const answer = given.get(code);
    const existing = current.find((entry) => entry.code === code);
    if (!answer) return existing ?? { code, answer: null, note: null };
    return { code, answer: answer.answer ?? null, note: answer.note?.trim() || null };
  });
}
