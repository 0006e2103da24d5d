import { subject as asSubject } from '@casl/ability';
import {
  FINAL_REFERRAL_STATUSES,
  formatReferralNumber,
  previousStepDate,
  REFERRAL_FUNNEL_STEPS,
  REFERRAL_STATUS_DATES,
  type ReferralFunnelStep,
  type ReferralStatus,
  referralWorkflow,
} from '@adaldesk/libs';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditEventsService } from '../audit/audit-events.service.js';
import { AuditService } from '../core/audit/audit.service.js';
import { assertMayWriteLinkedFields } from '../core/access/linked-appeals.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { filtersFor, type ListQuery } from '../core/crud/list-query.js';
import { AppError, type FieldProblem } from '../core/errors/app-error.js';
import { validateBody } from '../core/validation/validate-body.js';
import { type StepContext, type StepEffects, WorkflowService } from '../core/workflow/workflow.service.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { CreateReferralDto } from './dto/create-referral.dto.js';
import { REFERRAL_ACTION_BODIES } from './dto/referral-actions.dto.js';
import { UpdateReferralDto } from './dto/update-referral.dto.js';
import { ReferralFollowUpJobs } from './jobs/referral-follow-up.job.js';
import { Referral } from './referral.entity.js';
import { REFERRAL_STEP_SQL } from './referral-steps.js';

/** Statuses in which a case has been opened, so it has a register number. */
const CASE_STATUSES: readonly ReferralStatus[] = ['case_opened', 'sent_to_court', 'verdict'];

/** Fields nobody writes through `PUT`; react-admin sends them back on edit, and they are dropped. */
const SERVER_FIELDS = [
  'number',
  'appealId',
  'findingId',
  'regionId',
  'status',
  ...Object.values(REFERRAL_STATUS_DATES),
  'refusalReason',
  'verdict',
  'sanctions',
  'damagesRecovered',
  'lastOutcomeAt',
  'followUpDueAt',
  'remindedAt',
];

/**
 * Referrals of materials to law enforcement and their outcome funnel. Every change runs in one
 * transaction with its audit event; the follow-up timer is set after the commit.
 */
@Injectable()
export class ReferralsService extends WorkflowService<Referral, typeof REFERRAL_ACTION_BODIES> {
  private readonly logger = new Logger('Referrals');

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    protected readonly calendars: WorkingCalendarService,
    private readonly followUps: ReferralFollowUpJobs,
    private readonly auditEvents: AuditEventsService,
  ) {
    super(
      dataSource,
      audit,
      {
        resource: 'referrals',
        entity: Referral,
        createDto: CreateReferralDto,
        updateDto: UpdateReferralDto,
        filters: {
          ...filtersFor(
            {
              status: 'text',
              agency: 'text',
              verdict: 'text',
              regionId: 'uuid',
              organisationId: 'uuid',
              ownerId: 'uuid',
              appealId: 'uuid',
              findingId: 'uuid',
              referredOn: 'date',
              caseOpenedOn: 'date',
            },
            ['referredOn', 'caseOpenedOn'],
          ),
          // The funnel step reached (one or any of several): what each bar of the dashboard's funnel counts.
          reached: { property: 'reached', type: 'text', operator: 'eq' },
        },
        sortable: ['number', 'referredOn', 'status', 'agency', 'caseOpenedOn', 'followUpDueAt', 'updatedAt'],
        defaultSort: ['referredOn', 'DESC'],
        searchable: true,
        searchProperties: ['number', 'summary', 'registerNumber'],
        readOnlyFields: SERVER_FIELDS,
      },
      {
        machine: referralWorkflow,
        bodies: REFERRAL_ACTION_BODIES,
        name: { indefinite: 'A referral', noun: 'referral' },
        whenNoStep: 'its funnel has ended',
      },
    );
  }

  protected override applyFilters(builder: SelectQueryBuilder<Referral>, query: ListQuery, user: AuthenticatedUser) {
    const reached = query.filters.filter((filter) => filter.spec.property === 'reached');
    const others = query.filters.filter((filter) => filter.spec.property !== 'reached');
    super.applyFilters(builder, { ...query, filters: others }, user);
    for (const { value } of reached) {
      const steps = (Array.isArray(value) ? value : [value]) as string[];
      if (steps.length === 0 || !steps.every((step) => (REFERRAL_FUNNEL_STEPS as readonly string[]).includes(step))) {
        throw AppError.validation([
          { field: 'filter.reached', message: `must be one of: ${REFERRAL_FUNNEL_STEPS.join(', ')}` },
        ]);
      }
      builder.andWhere(`(${steps.map((step) => `(${REFERRAL_STEP_SQL[step as ReferralFunnelStep]})`).join(' OR ')})`);
    }
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreateReferralDto, body);
    const now = this.clock.now();
    const today = (await this.calendars.current()).localDate(now);
    const referredOn = dto.referredOn ?? today;
    const problems = agencyProblems(dto.agency, dto.agencyName);
    if (referredOn > today) problems.push({ field: 'referredOn', message: 'must not be in the future' });

    const saved = await this.inTransaction(async (manager) => {
      let { regionId = null, organisationId } = dto;
      if (dto.appealId) {
        const appeal = await this.sourceAppeal(manager, user, dto.appealId);
        if (!appeal) {
          problems.push({ field: 'appealId', message: 'refers to no appeal you may read' });
        } else {
          if (regionId && regionId !== appeal.regionId) {
            problems.push({ field: 'regionId', message: "must be the appeal's region (or left out)" });
          }
          regionId = appeal.regionId;
          if (organisationId === undefined) organisationId = appeal.organisationId;
          if (referredOn < appeal.receivedOn) {
            problems.push({
              field: 'referredOn',
              message: `must not be before the appeal came in (${appeal.receivedOn})`,
            });
          }
        }
      }
      if (dto.findingId) {
        const finding = await this.sourceFinding(manager, user, dto.findingId);
        if (!finding) {
          problems.push({ field: 'findingId', message: 'refers to no finding you may read' });
        } else {
          if (regionId && regionId !== finding.regionId) {
            problems.push({ field: 'regionId', message: "must be the finding's region (or left out)" });
          }
          regionId = finding.regionId;
          if (organisationId === undefined) organisationId = finding.organisationId;
        }
      }
      if (!regionId && !dto.appealId && !dto.findingId) {
        problems.push({
          field: 'regionId',
          message: 'is required unless the referral comes from an appeal or a finding',
        });
      }
      if (problems.length > 0) throw AppError.validation(problems);
      if (!user.ability.can('create', asReferral({ regionId }))) {
        throw AppError.forbidden('You may refer materials only in your own region');
      }
      const ownerId = dto.ownerId ?? user.id;
      if (dto.ownerId) await this.assertOwner(manager, dto.ownerId, regionId!);

      const [{ sequence }] = await manager.query(`SELECT nextval('referral_number_seq') AS sequence`);
      const referral = manager.create(Referral, {
        agency: dto.agency,
        agencyName: dto.agencyName ?? null,
        appealId: dto.appealId ?? null,
        findingId: dto.findingId ?? null,
        regionId: regionId!,
        organisationId: organisationId ?? null,
        ownerId,
        summary: dto.summary,
        description: dto.description ?? null,
        persons: (dto.persons ?? []).map(personOf),
        number: formatReferralNumber(Number(referredOn.slice(0, 4)), Number(sequence)),
        status: 'referred',
        referredOn,
        lastOutcomeAt: now,
        followUpDueAt: this.followUps.followUpDueAfter(now),
      });
      return this.saveAudited(manager, user, referral);
    });
    this.afterCommit(saved);
    return this.presentOne(saved, user);
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdateReferralDto, withoutServerFields(body));
    return this.change(user, id, {
      permission: 'update',
      version: dto.version,
      auditAction: 'update',
      apply: async (referral, { manager }) => {
        const { version: _version, persons, ...fields } = dto;
        // Fields the client did not send are undefined on the DTO, and must stay as they are.
        const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        // The summary and description retell the appeal: not to be overwritten by whoever may not read it.
        await assertMayWriteLinkedFields(manager, user.ability, 'referrals', { ...referral }, Object.keys(changes));
        const previous = { ownerId: referral.ownerId, registerNumber: referral.registerNumber };
        Object.assign(referral, changes);
        if (persons !== undefined) referral.persons = persons.map(personOf);
        const problems = agencyProblems(referral.agency, referral.agencyName);
        // react-admin sends the number back as it was; only a changed one is a correction to check.
        if (referral.registerNumber !== previous.registerNumber) {
          if (!CASE_STATUSES.includes(referral.status)) {
            problems.push({
              field: 'registerNumber',
              message: 'is given by the step "open-case", once a case is opened',
            });
          } else if (!referral.registerNumber) {
            problems.push({ field: 'registerNumber', message: 'is required once a case is opened' });
          }
        }
        if (problems.length > 0) throw AppError.validation(problems);
        if (referral.ownerId !== previous.ownerId) await this.assertOwner(manager, referral.ownerId, referral.regionId);
      },
    });
  }

  /** The referral's history from the audit trail, for whoever may read the referral. */
  async timeline(user: AuthenticatedUser, id: string): Promise<object[]> {
    this.assertAllowed(user, 'read');
    await this.findVisible(this.dataSource.manager, user, id, 'read');
    return this.auditEvents.timelineOf(user, 'referrals', id);
  }

  /** What each funnel step records beyond its status and date, given its validated body. */
  protected readonly steps: StepEffects<Referral, typeof REFERRAL_ACTION_BODIES> = {
    'start-review': { apply: (referral, dto, context) => this.reach(referral, dto, context) },
    'open-case': {
      apply: (referral, dto, context) => {
        this.reach(referral, dto, context);
        referral.registerNumber = dto.registerNumber.trim();
      },
    },
    refuse: {
      apply: (referral, dto, context) => {
        this.reach(referral, dto, context);
        referral.refusalReason = dto.refusalReason;
      },
    },
    'send-to-court': { apply: (referral, dto, context) => this.reach(referral, dto, context) },
    'record-verdict': {
      apply: (referral, dto, context) => {
        this.reach(referral, dto, context);
        referral.verdict = dto.verdict;
        referral.sanctions = dto.sanctions ?? null;
        referral.damagesRecovered = dto.damagesRecovered ?? null;
      },
    },
  };

  /**
   * What every funnel step records: the day the new stage was reached (today unless given, never in
   * the future nor before the stage it leaves), the last outcome's moment and the next follow-up.
   */
  private reach(referral: Referral, { on: given }: { on?: string | null }, context: StepContext<ReferralStatus>): void {
    const { now, today, from, to } = context;
    const on = given ?? today;
    const previous = previousStepDate(from, referral);
    if (on > today) throw AppError.validation([{ field: 'on', message: 'must not be in the future' }]);
    if (previous && on < previous) {
      throw AppError.validation([
        { field: 'on', message: `must not be before ${previous}, the date the referral became ${from}` },
      ]);
    }
    referral[REFERRAL_STATUS_DATES[to]] = on;
    referral.lastOutcomeAt = now;
    referral.followUpDueAt = FINAL_REFERRAL_STATUSES.includes(to) ? null : this.followUps.followUpDueAfter(now);
  }

  protected override afterCommit(referral: Referral): void {
    this.followUps
      .sync(referral)
      .catch((error: unknown) => this.logger.warn(`Follow-up timer of referral ${referral.id}: ${error}`));
  }

  /** The appeal a referral is made from, if the caller may read it: its region, organisation and receipt day. */
  private async sourceAppeal(manager: EntityManager, user: AuthenticatedUser, appealId: string) {
    const [appeal] = await manager.query(
      `SELECT id, region_id AS "regionId", organisation_id AS "organisationId", confidential,
              registered_by_id AS "registeredById", assignee_id AS "assigneeId",
              to_char(received_at AT TIME ZONE $2, 'YYYY-MM-DD') AS "receivedOn"
         FROM appeals WHERE id = $1`,
      [appealId, (await this.calendars.current()).timeZone],
    );
    if (!appeal || !user.ability.can('read', asSubject('appeals', { ...appeal }))) return null;
    return appeal as { regionId: string; organisationId: string | null; receivedOn: string };
  }

  /** The finding a referral is made from, if the caller may read it: its region and inspected organisation. */
  private async sourceFinding(manager: EntityManager, user: AuthenticatedUser, findingId: string) {
    const [finding] = await manager.query(
      `SELECT f.region_id AS "regionId", i.organisation_id AS "organisationId"
         FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.id = $1`,
      [findingId],
    );
    if (!finding || !user.ability.can('read', asSubject('findings', { ...finding }))) return null;
    return finding as { regionId: string; organisationId: string | null };
  }

  /** An owner follows referrals up: an active officer, manager or inspector of the region (or a national one). */
  private async assertOwner(manager: EntityManager, ownerId: string, regionId: string): Promise<void> {
    const [owner] = await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND role IN ('officer', 'manager', 'inspector', 'admin')
         AND (region_id = $2 OR region_id IS NULL)`,
      [ownerId, regionId],
    );
    if (!owner) {
      throw AppError.validation([
        { field: 'ownerId', message: "must be an active officer, manager or inspector of the referral's region" },
      ]);
    }
  }
}

/** A referral as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
const asReferral = (record: object) => asSubject('referrals', { ...record } as Record<string, unknown>);

function agencyProblems(agency: string, agencyName: string | null | undefined): FieldProblem[] {
  return agency === 'other' && !agencyName?.trim()
    ? [{ field: 'agencyName', message: 'is required when the agency is "other": name the body' }]
    : [];
}

function personOf(person: { fullName: string; position?: string | null; organisation?: string | null }) {
  return {
    fullName: person.fullName.trim(),
    position: person.position?.trim() || null,
    organisation: person.organisation?.trim() || null,
  };
}

function withoutServerFields(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const ignored = new Set(['id', 'createdAt', 'updatedAt', ...SERVER_FIELDS]);
  return Object.fromEntries(Object.entries(body).filter(([field]) => !ignored.has(field)));
}
