import { type CorrectiveActionAction, correctiveActionWorkflow } from '@adaldesk/libs';
import { stepBodyOf } from '../common/stepFields';

/** The body of a step: the fields libs declares for it from the dialog (empty ones left out), and the version as shown. */
export function correctiveActionStepBody(
  action: CorrectiveActionAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  return stepBodyOf(correctiveActionWorkflow.fieldsOf(action), values, version);
}

export type DeadlineKind = 'policy' | 'workingDays' | 'date';

/** The create form's values as the API takes them: one way of giving the deadline, or none. */
export function createCorrectiveActionBody(values: Record<string, unknown>): Record<string, unknown> {
  const { deadlineKind, termWorkingDays, dueOn, ...rest } = values;
  return {
    ...rest,
    ...(deadlineKind === 'workingDays' ? { termWorkingDays } : {}),
    ...(deadlineKind === 'date' ? { dueOn } : {}),
  };
}
