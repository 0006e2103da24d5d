import type { InspectionAction, InspectionStatus } from '@adaldesk/libs';

/** Colours of the statuses, from waiting to done. */
export const STATUS_COLOURS: Record<InspectionStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  planned: 'default',
  in_progress: 'info',
  completed: 'warning',
  closed: 'success',
  cancelled: 'error',
};

/** The body of a step from its dialog's values: only what the step takes, and the version as shown. */
export function inspectionActionBody(
  action: InspectionAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  const fields: Record<InspectionAction, string[]> = {
    plan: ['plannedStartOn', 'plannedEndOn', 'reason'],
    start: ['on'],
    complete: ['on', 'summary'],
    close: [],
    cancel: ['reason'],
  };
  const body: Record<string, unknown> & { version: number } = { version };
  for (const field of fields[action]) {
    const value = values[field];
    if (value !== undefined && value !== null && value !== '') body[field] = value;
  }
  return body;
}

/**
 * An amount typed the way people write tenge ("45 000 000", "1 250 000,50") as the exact decimal
 * string the API takes, or null when it is not an amount.
 */
export function tengeFromInput(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^\d{1,16}(\.\d{1,2})?$/.test(compact) ? compact : null;
}
