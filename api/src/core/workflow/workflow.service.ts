import { subject as asSubject } from '@casl/ability';
import type { Action, Workflow, WorkingCalendar } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CrudService, type CrudSpec } from '../crud/crud.service.js';
import { AppError } from '../errors/app-error.js';
import type { VersionDto } from '../validation/versioned.js';

/** What a change of a record is given besides the record: its transaction, its moment, its notes. */
export interface ChangeContext {
  readonly manager: EntityManager;
  readonly user: AuthenticatedUser;
  readonly now: Date;
  /** The office's calendar, and its date at `now`. */
  readonly calendar: WorkingCalendar;
  readonly today: string;
  /** The permission the change is taken under: the step's name, or `update`. */
  readonly permission: Action;
  /** Said in the audit event beside the changed fields (a reason, a decision). */
  readonly notes: Record<string, unknown>;
  /** Notifications written in the transaction, for `afterCommit` to deliver. */
  readonly notificationIds: string[];
}

/** A step's context: a change, and the statuses the step leads from and to. */
export interface StepContext<Status extends string> extends ChangeContext {
  readonly from: Status;
  readonly to: Status;
}

/** One change of one stored record. */
export interface Change<E> {
  permission: Action;
  /** The version the client read; null for a change made without one (a bulk assignment). */
  version: number | null;
  /** The audit event's action: `update`, the step's name, or the bulk change's. */
  auditAction: string;
  /** Makes the change; throws to refuse it (400, 409, 422). */
  apply(record: E, context: ChangeContext): Promise<void> | void;
}

/** What a workflow step does besides moving the status, given its validated body. */
export interface StepEffect<E, Dto, Status extends string> {
  apply(record: E, dto: Dto, context: StepContext<Status>): Promise<void> | void;
  /** Said in the audit event beside the changed fields (the reason given). */
  notes?(dto: Dto): Record<string, unknown>;
}

export type StepBodies = Readonly<Record<string, ClassConstructor<VersionDto>>>;

/** A record a workflow moves: it has a status. */
export type WorkflowRecord = { id: string; version?: number; regionId?: string | null; status: string };

/** Each step's effect, typed by the body it takes. */
export type StepEffects<E extends WorkflowRecord, Bodies extends StepBodies> = {
  readonly [A in keyof Bodies]: StepEffect<E, InstanceType<Bodies[A]>, E['status']>;
};

/** A resource's workflow: its status machine (from libs), the bodies of its steps and how it names a record. */
export interface WorkflowSpec<Status extends string, Bodies extends StepBodies> {
  /** The status machine, declared in libs. */
  machine: Workflow<Status, Extract<keyof Bodies, string>>;
  bodies: Bodies;
  /** The record in messages: "An appeal that is closed cannot take…", "…may not resolve this appeal". */
  name: { indefinite: string; noun: string };
  /** What a refused step says when the status allows none ("it is settled"). */
  whenNoStep: string;
  /** What an inspector refused a record-level permission is told instead of the role's refusal. */
  inspectorRefusal?: (permission: Action) => string;
  /**
   * Checked after every change when set, and said on failure: the caller must still reach the
   * record (may update it after an update, read it after a step), so no change moves it away.
   */
  keepInScope?: string;
}

/**
 * The one way a workflow resource's records change, `PUT` and steps alike: in one transaction, the
 * record loaded with a row lock, the caller's right to it (403), the version the client read (409),
 * for a step the status machine (422), the change itself, the fields every change derives, the
 * caller's reach after it, the save and the audit event with the changed fields and the notes; after
 * the commit, `afterCommit` (timers, e-mails). A domain service declares its steps' effects in
 * `steps` and keeps only what is its own.
 */
export abstract class WorkflowService<E extends WorkflowRecord, Bodies extends StepBodies> extends CrudService<E> {
  /** Each step's effect beyond the status, by step. */
  protected abstract readonly steps: StepEffects<E, Bodies>;
  /** Where the office's working calendar comes from. */
  protected abstract readonly calendars: { current(): Promise<WorkingCalendar> };

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    spec: CrudSpec<E>,
    protected readonly workflow: WorkflowSpec<E['status'], Bodies>,
  ) {
    super(dataSource, audit, { ...spec, stepDtos: workflow.bodies });
  }

  /**
   * A workflow step, `POST /api/<resource>/:id/actions/<step>`: 404 naming the steps for one that does
   * not exist, 403 for a role that never takes it, 400 for a bad body; then the change.
   */
  async act(user: AuthenticatedUser, id: string, step: string, body: unknown): Promise<object> {
    type Step = Extract<keyof Bodies, string>;
    const { action, dto } = await this.stepBody<Step, VersionDto>(user, step, body, this.workflow.bodies);
    const effect = this.steps[action] as StepEffect<E, VersionDto, E['status']>;
    return this.change(user, id, {
      permission: action,
      version: dto.version,
      auditAction: action,
      apply: async (record, context) => {
        const next = this.workflow.machine.next(record.status, action);
        if (!next.ok) {
          const { indefinite } = this.workflow.name;
          throw AppError.illegalStep(indefinite, record.status, action, next.allowed, this.workflow.whenNoStep);
        }
        await effect.apply(record, dto, { ...context, from: record.status, to: next.status });
        Object.assign(context.notes, effect.notes?.(dto));
        (record as WorkflowRecord).status = next.status;
      },
    });
  }

  /** One change of one record, answered as the caller may see the record after it. */
  protected async change(user: AuthenticatedUser, id: string, change: Change<E>): Promise<object> {
    const [saved] = await this.changeEach(user, [id], change);
    return this.presentOne(saved, user);
  }

  /** The same change of several records, all or none, each checked and audited on its own. */
  protected async changeEach(user: AuthenticatedUser, ids: readonly string[], change: Change<E>): Promise<E[]> {
    const calendar = await this.calendars.current();
    const changed = await this.inTransaction(async (manager) => {
      const done: { record: E; context: ChangeContext }[] = [];
      for (const id of ids) done.push(await this.changeOne(manager, user, id, change, calendar));
      return done;
    });
    for (const { record, context } of changed) this.afterCommit(record, context.notificationIds);
    return changed.map(({ record }) => record);
  }

  private async changeOne(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    change: Change<E>,
    calendar: WorkingCalendar,
  ): Promise<{ record: E; context: ChangeContext }> {
    const context = this.changeContext(manager, user, change.permission, this.clock.now(), calendar);
    const record = await this.changeAudited(manager, user, id, {
      version: change.version,
      auditAction: change.auditAction,
      notes: context.notes,
      authorise: (existing) => this.authorise(user, change.permission, existing),
      apply: async (changed) => {
        await change.apply(changed, context);
        this.deriveFields(changed, context);
        const { keepInScope } = this.workflow;
        const reach = change.permission === 'update' ? 'update' : 'read';
        if (keepInScope && !user.ability.can(reach, this.subjectOf(changed))) throw AppError.forbidden(keepInScope);
      },
    });
    return { record, context };
  }

  /** A fresh context for a change made in `manager`'s transaction at `now`. */
  protected changeContext(
    manager: EntityManager,
    user: AuthenticatedUser,
    permission: Action,
    now: Date,
    calendar: WorkingCalendar,
  ): ChangeContext {
    return { manager, user, now, calendar, today: calendar.localDate(now), permission, notes: {}, notificationIds: [] };
  }

  /** 403 unless the caller may take `permission` on the record as stored. */
  protected authorise(user: AuthenticatedUser, permission: Action, existing: E): void {
    if (user.ability.can(permission, this.subjectOf(existing))) return;
    const { inspectorRefusal, name } = this.workflow;
    throw AppError.forbidden(
      user.role === 'inspector' && inspectorRefusal
        ? inspectorRefusal(permission)
        : `The ${user.role} role may not ${permission} this ${name.noun}`,
    );
  }

  /** Fields every change recomputes once made (an SLA state); none unless a resource says so. */
  protected deriveFields(_record: E, _context: ChangeContext): void {}

  /**
   * What follows a committed change of the record: timers set, notifications e-mailed. Not awaited
   * by the change: a queue that is down must not fail it, and the reconciler repairs what is lost.
   */
  protected afterCommit(_record: E, _notificationIds: readonly string[]): void {}

  /** The record as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
  protected subjectOf(record: object) {
    return asSubject(this.spec.resource, { ...record } as Record<string, unknown>);
  }
}
