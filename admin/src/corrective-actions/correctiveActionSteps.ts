import type { CorrectiveActionAction } from '@adaldesk/libs';

/** The fields each step's dialog asks for, as the API names them (required ones carry `required`). */
export const STEP_FIELDS: Record<CorrectiveActionAction, { source: string; kind: 'date' | 'text' | 'days' }[]> = {
  'report-done': [
    { source: 'reportedOn', kind: 'date' },
    { source: 'reportNote', kind: 'text' },
  ],
  verify: [
    { source: 'verifiedOn', kind: 'date' },
    { source: 'verificationNote', kind: 'text' },
  ],
  reject: [{ source: 'reason', kind: 'text' }],
  extend: [
    { source: 'days', kind: 'days' },
    { source: 'reason', kind: 'text' },
  ],
  cancel: [{ source: 'reason', kind: 'text' }],
};

/** The body of a step: its own fields from the dialog (empty ones left out), and the version as shown. */
export function correctiveActionStepBody(
  action: CorrectiveActionAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  const body: Record<string, unknown> & { version: number } = { version };
  for (const { source } of STEP_FIELDS[action]) {
    const value = values[source];
    if (value !== undefined && value !== null && value !== '') body[source] = value;
  }
  return body;
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
