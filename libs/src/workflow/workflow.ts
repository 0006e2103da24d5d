import type { Role } from '../domain/roles.js';
import type { StepFields } from './step-fields.js';

/**
 * One step of a workflow, `POST /api/<resource>/:id/actions/<step>`: the statuses it may start from
 * and the status it leads to (`null` keeps the status: a step that moves a deadline, not the record),
 * the roles that take it and the fields its body carries.
 */
export interface WorkflowStep<Status extends string> {
  readonly from: readonly Status[];
  readonly to: Status | null;
  /** The roles the permission rules grant the step to, each within its own scope (admins manage all). */
  readonly by: readonly Role[];
  /** What the step's body carries besides the version the client read, in the order a form asks; none if absent. */
  readonly fields?: StepFields;
}

/** A status machine and what every workflow asks of it. */
export interface Workflow<Status extends string, Action extends string> {
  /** The steps, as declared. */
  readonly steps: { readonly [A in Action]: WorkflowStep<Status> };
  /** Every step's name, in the order declared. */
  readonly actions: readonly Action[];
  /** Whether `value` names a step of this workflow. */
  isAction(value: unknown): value is Action;
  /** The steps the workflow allows from `status` (permissions aside). */
  actionsFrom(status: Status): Action[];
  /** The status `action` leads to from `status`, or the steps allowed from there. */
  next(status: Status, action: Action): { ok: true; status: Status } | { ok: false; allowed: Action[] };
  /** The steps `role` takes (where its permission rules reach). */
  actionsBy(role: Role): Action[];
  /** The fields `action`'s body carries besides the version. */
  fieldsOf(action: Action): StepFields;
}

const NO_FIELDS: StepFields = {};

/**
 * Declares a workflow once: `defineWorkflow<AppealStatus>()({ triage: { from: [...], to: 'triaged',
 * by: [...], fields: {...} }, … })`. Written in two calls so that the statuses are named and the
 * steps' names and fields inferred.
 */
export function defineWorkflow<Status extends string>() {
  return <const Steps extends Record<string, WorkflowStep<Status>>>(
    steps: Steps,
  ): Omit<Workflow<Status, Extract<keyof Steps, string>>, 'steps'> & { readonly steps: Steps } => {
    type Action = Extract<keyof Steps, string>;
    const actions = Object.keys(steps) as Action[];
    const actionsFrom = (status: Status) => actions.filter((action) => steps[action].from.includes(status));
    return {
      steps,
      actions,
      isAction: (value: unknown): value is Action => typeof value === 'string' && Object.hasOwn(steps, value),
      actionsFrom,
      next(status, action) {
        const step = steps[action];
        if (!step.from.includes(status)) return { ok: false, allowed: actionsFrom(status) };
        return { ok: true, status: step.to ?? status };
      },
      actionsBy: (role) => actions.filter((action) => steps[action].by.includes(role)),
      fieldsOf: (action) => steps[action].fields ?? NO_FIELDS,
    };
  };
}
