import {
  type AppealAction,
  appealActionsFrom,
  appealWorkflow,
  APPLICANT_PERSONAL_FIELDS,
  type AppealStatus,
} from '@adaldesk/libs';
import { stepBodyOf } from '../common/stepFields';

/**
 * The workflow steps the status machine allows for this appeal, narrowed by its extension request:
 * a head approves only an extension someone asked for, and a second request waits for the first.
 * Whether this user may take each step is the permission rules' question (`canAccess`).
 */
export function availableAppealActions(appeal: {
  status: AppealStatus;
  extensionRequest?: object | null;
}): AppealAction[] {
  const pending = !!appeal.extensionRequest;
  return appealActionsFrom(appeal.status).filter(
    (action) => (action !== 'approve-extension' || pending) && (action !== 'request-extension' || !pending),
  );
}

/**
 * The body of a step: the fields libs declares for it from the dialog, and the version of the appeal
 * as shown. A cleared assignee (null) is sent: it unassigns the appeal.
 */
export function appealActionBody(
  action: AppealAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  return stepBodyOf(appealWorkflow.fieldsOf(action), values, version, (value) => value !== undefined && value !== '');
}

/**
 * The body of `POST /api/appeals`: an anonymous appeal carries no applicant at all, even fields typed
 * before the "anonymous" switch was turned on (the API refuses them).
 */
export function appealCreatePayload(data: Record<string, unknown>): Record<string, unknown> {
  if (!data.anonymous) return data;
  const personal = new Set<string>(APPLICANT_PERSONAL_FIELDS);
  return Object.fromEntries(Object.entries(data).filter(([field]) => !personal.has(field)));
}

/**
 * A `datetime-local` value (`2026-11-27T19:30`, the user's own clock) as the instant the API takes.
 * Anything else (an ISO instant already, an empty box) passes as it is.
 */
export function localDateTimeToInstant(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    return value === '' ? null : value;
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}
