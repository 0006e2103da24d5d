import { subject as asSubject } from '@casl/ability';
import { type Action, formatFindingNumber, isInspectionWritable, type ResponsibleOfficial } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Appeal } from '../appeals/appeal.entity.js';
import { AppealsService } from '../appeals/appeals.service.js';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CrudService, withoutReadOnlyFields, translateDatabaseError } from '../core/crud/crud.service.js';
import { filtersFor } from '../core/crud/list-query.js';
import { AppError, ErrorCode, type FieldProblem } from '../core/errors/app-error.js';
import { validateBody } from '../core/validation/validate-body.js';
import { asInspection, InspectionsService } from '../inspections/inspections.service.js';
import type { Inspection } from '../inspections/inspection.entity.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { CreateFindingDto, OpenAppealDto, type ResponsibleOfficialDto, UpdateFindingDto } from './dto/finding.dto.js';
import { Finding } from './finding.entity.js';

/** Fields nobody writes through `PUT`; react-admin sends them back on edit, and they are dropped. */
const SERVER_FIELDS = ['number', 'inspectionId', 'regionId', 'openedAppealId', 'createdById'];

/**
 * Findings of inspections. Written only by those who act on the finding's inspection (its lead and
 * team, the region's managers), and only until the inspection is closed or cancelled.
 *
 * Other modules open findings through `openWithin`, inside their own transaction (a price observation
 * above its baseline opens a `price_gouging` finding in the same step).
 */
@Injectable()
export class FindingsService extends CrudService<Finding> {
  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly inspections: InspectionsService,
    private readonly appeals: AppealsService,
    private readonly calendars: WorkingCalendarService,
  ) {
    super(dataSource, audit, {
      resource: 'findings',
      entity: Finding,
      createDto: CreateFindingDto,
      updateDto: UpdateFindingDto,
      stepDtos: { 'open-appeal': OpenAppealDto },
      filters: filtersFor(
        {
          inspectionId: 'uuid',
          kind: 'text',
          severity: 'text',
          regionId: 'uuid',
          appealId: 'uuid',
          openedAppealId: 'uuid',
          createdById: 'uuid',
          createdAt: 'datetime',
        },
        ['createdAt'],
      ),
      sortable: ['number', 'createdAt', 'kind', 'severity', 'amount', 'updatedAt'],
      defaultSort: ['createdAt', 'DESC'],
      searchable: true,
      searchProperties: ['number', 'description', 'recommendedMeasure'],
      readOnlyFields: SERVER_FIELDS,
    });
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    const saved = await this.inTransaction((manager) => this.openWithin(manager, user, body));
    return this.presentOne(saved, user);
  }

  /**
   * Opens a finding inside the caller's transaction: the same checks, number and audit event as
   * `POST /api/findings`. `body` is validated as a `CreateFindingDto` (e.g. `{inspectionId, kind:
   * 'price_gouging', severity, amount, description}`); a 400 naming the fields if it is not right.
   * Database errors are the caller's to translate (its transaction is the one that fails).
   */
  async openWithin(manager: EntityManager, user: AuthenticatedUser, body: unknown): Promise<Finding> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreateFindingDto, body);
    const inspection = await this.writableInspection(manager, user, dto.inspectionId, 'inspectionId');
    if (!user.ability.can('create', asFinding({ regionId: inspection.regionId }))) {
      throw AppError.forbidden('You may log findings only in your own region');
    }
    const problems: FieldProblem[] = [];
    if (dto.appealId) await this.checkSourceAppeal(manager, user, dto.appealId, problems);
    if (problems.length > 0) throw AppError.validation(problems);
    const today = (await this.calendars.current()).localDate(this.clock.now());
    const [{ sequence }] = await manager.query(`SELECT nextval('finding_number_seq') AS sequence`);
    const finding = manager.create(Finding, {
      number: formatFindingNumber(Number(today.slice(0, 4)), Number(sequence)),
      inspectionId: inspection.id,
      regionId: inspection.regionId,
      kind: dto.kind,
      severity: dto.severity,
      amount: dto.amount ?? null,
      description: dto.description.trim(),
      officials: (dto.officials ?? []).map(officialOf),
      recommendedMeasure: dto.recommendedMeasure?.trim() || null,
      appealId: dto.appealId ?? null,
      createdById: user.id,
    });
    return this.saveAudited(manager, user, finding);
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdateFindingDto, withoutReadOnlyFields(body, SERVER_FIELDS));
    return this.change(user, id, 'update', dto.version, 'update', async (finding, manager) => {
      const { version: _version, officials, ...fields } = dto;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const previousAppealId = finding.appealId;
      Object.assign(finding, changes);
      if (officials !== undefined) finding.officials = officials.map(officialOf);
      const problems: FieldProblem[] = [];
      if (finding.appealId && finding.appealId !== previousAppealId) {
        await this.checkSourceAppeal(manager, user, finding.appealId, problems);
      }
      if (problems.length > 0) throw AppError.validation(problems);
    });
  }

  override async remove(user: AuthenticatedUser, id: string): Promise<object> {
    this.assertAllowed(user, 'delete');
    return this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      await this.assertActsOn(manager, user, existing, 'delete');
      await manager.delete(Finding, { id });
      await this.audit.record(manager, user, {
        action: 'delete',
        entityType: 'findings',
        entityId: id,
        regionId: existing.regionId,
        before: existing,
      });
      return this.presentOne(existing, user);
    });
  }

  /**
   * `POST /api/findings/:id/actions/open-appeal`: registers an appeal from the finding (a report of
   * corruption from the project office by default), linked both ways and audited on both records.
   */
  async openAppeal(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'open-appeal');
    const dto = await validateBody(OpenAppealDto, body);
    const { finding, inspection } = await this.dataSource.transaction(async (manager) => {
      const found = await this.findVisible(manager, user, id, 'read');
      return { finding: found, inspection: await this.inspections.readable(manager, user, found.inspectionId) };
    });
    if (!user.ability.can('open-appeal', asFinding(finding))) {
      throw AppError.forbidden(`The ${user.role} role may not register an appeal from this finding`);
    }
    if (finding.openedAppealId) {
      throw new AppError(ErrorCode.Conflict, 'This finding has already opened an appeal', [
        { field: 'openedAppealId', message: 'is already set' },
      ]);
    }
    let updated: Finding | null = null;
    try {
      await this.appeals.register(
        user,
        {
          channel: dto.channel ?? 'front_office',
          kind: dto.kind ?? 'report',
          receivedAt: this.clock.now().toISOString(),
          regionId: finding.regionId,
          organisationId: inspection.organisationId,
          categoryId: dto.categoryId ?? null,
          assigneeId: dto.assigneeId ?? null,
          // The project office itself reports what its inspection found: no citizen's identity.
          anonymous: true,
          description: `${finding.number} (${inspection.number}): ${finding.description}`,
        },
        async (manager, appeal: Appeal) => {
          updated = await this.linkOpenedAppeal(manager, user, finding.id, dto.version, appeal);
        },
      );
    } catch (error) {
      throw translateDatabaseError(error, 'findings');
    }
    return this.presentOne(updated!, user);
  }

  private async linkOpenedAppeal(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    version: number,
    appeal: Appeal,
  ): Promise<Finding> {
    const finding = await this.findVisible(manager, user, id, 'read', true);
    if (finding.version !== version) throw AppError.staleVersion('findings', id, finding.version);
    if (finding.openedAppealId) {
      throw new AppError(ErrorCode.Conflict, 'This finding has already opened an appeal');
    }
    finding.openedAppealId = appeal.id;
    await manager.save(Finding, finding);
    const stored = await manager.findOneByOrFail(Finding, { id });
    await this.audit.record(manager, user, {
      action: 'open-appeal',
      entityType: 'findings',
      entityId: id,
      regionId: stored.regionId,
      before: { openedAppealId: null },
      after: { openedAppealId: appeal.id, appealNumber: appeal.number },
    });
    await this.audit.record(manager, user, {
      action: 'opened-from-finding',
      entityType: 'appeals',
      entityId: appeal.id,
      regionId: appeal.regionId,
      after: { findingId: id, findingNumber: stored.number },
    });
    return stored;
  }

  /** A finding the caller may read, for the modules that hang records on it (evidence, referrals). */
  async readable(manager: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<Finding> {
    return this.findVisible(manager, user, id, 'read', lock);
  }

  /**
   * Throws unless the caller may write on the finding's records now: they act on its inspection (lead,
   * team, the region's managers), and the inspection is neither closed nor cancelled.
   */
  async assertActsOn(manager: EntityManager, user: AuthenticatedUser, finding: Finding, action: Action): Promise<void> {
    await this.writableInspection(manager, user, finding.inspectionId, null);
    if (!user.ability.can(action, asFinding(finding))) {
      throw AppError.forbidden(`The ${user.role} role may not ${action} this finding`);
    }
  }

  private async writableInspection(
    manager: EntityManager,
    user: AuthenticatedUser,
    inspectionId: string,
    field: string | null,
  ): Promise<Inspection> {
    let inspection: Inspection;
    try {
      // Locked shared: the inspection cannot be closed while a finding is being written on it.
      inspection = await this.inspections.readable(manager, user, inspectionId);
      await manager.query(`SELECT 1 FROM inspections WHERE id = $1 FOR SHARE`, [inspectionId]);
    } catch (error) {
      if (field && error instanceof AppError && error.code === ErrorCode.NotFound) {
        throw AppError.validation([{ field, message: 'refers to no inspection you may read' }]);
      }
      throw error;
    }
    if (!user.ability.can('update', asInspection(inspection))) {
      throw AppError.forbidden(
        'Findings are written by those who act on the inspection: its lead and team, or the region’s managers',
      );
    }
    if (!isInspectionWritable(inspection.status)) {
      throw new AppError(
        ErrorCode.IllegalTransition,
        `The inspection is ${inspection.status}: its findings no longer change`,
        { status: inspection.status, allowed: [] },
      );
    }
    return inspection;
  }

  /** The source appeal must be one the caller may read; nothing of it but its id is kept. */
  private async checkSourceAppeal(
    manager: EntityManager,
    user: AuthenticatedUser,
    appealId: string,
    problems: FieldProblem[],
  ): Promise<void> {
    const [appeal] = await manager.query(
      `SELECT region_id AS "regionId", confidential, registered_by_id AS "registeredById",
              assignee_id AS "assigneeId"
         FROM appeals WHERE id = $1`,
      [appealId],
    );
    if (!appeal || !user.ability.can('read', asSubject('appeals', { ...appeal }))) {
      problems.push({ field: 'appealId', message: 'refers to no appeal you may read' });
    }
  }

  /** Loads the finding locked, checks the right, the inspection and the version; saves with its audit event. */
  private async change(
    user: AuthenticatedUser,
    id: string,
    permission: Action,
    version: number,
    auditAction: string,
    apply: (finding: Finding, manager: EntityManager) => Promise<void>,
  ): Promise<object> {
    const saved = await this.inTransaction((manager) =>
      this.changeAudited(manager, user, id, {
        version,
        auditAction,
        authorise: (existing) => this.assertActsOn(manager, user, existing, permission),
        apply: (finding) => apply(finding, manager),
      }),
    );
    return this.presentOne(saved, user);
  }
}

/** A finding as the permission rules see it. */
export const asFinding = (record: object) => asSubject('findings', { ...record } as Record<string, unknown>);

function officialOf(official: ResponsibleOfficialDto): ResponsibleOfficial {
  return {
    fullName: official.fullName.trim(),
    position: official.position?.trim() || null,
    outcome: official.outcome ?? 'pending',
  };
}
