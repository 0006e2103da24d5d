/**
 * One step of a workflow, `POST /api/<resource>/:id/actions/<step>`: the statuses it may start from
 * and the status it leads to (`null` keeps the status: a step that moves a deadline, not the record).
 */
export interface WorkflowStep<Status extends string> {
  readonly from: readonly Status[];
  readonly to: Status | null;
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
}

/**
 * Declares a workflow once: `defineWorkflow<AppealStatus>()({ triage: { from: [...], to: 'triaged' }, … })`.
 * Written in two calls so that the statuses are named and the steps' names inferred.
 */
export function defineWorkflow<Status extends string>() {
  return <const Steps extends Record<string, WorkflowStep<Status>>>(
    steps: Steps,
  ): Workflow<Status, Extract<keyof Steps, string>> & { readonly steps: Steps } => {
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
    };
  };
}
