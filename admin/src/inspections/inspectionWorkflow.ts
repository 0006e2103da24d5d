import { type InspectionAction, type InspectionStatus, inspectionWorkflow } from '@adaldesk/libs';
import { stepBodyOf } from '../common/stepFields';

/** Colours of the statuses, from waiting to done. */
export const STATUS_COLOURS: Record<InspectionStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  planned: 'default',
  in_progress: 'info',
  completed: 'warning',
  closed: 'success',
  cancelled: 'error',
};

/**
 * The body of a step from its dialog's values: only the fields libs declares for it, and the version
 * as shown. (The checklist is answered in its own panel, so a dialog never carries one.)
 */
export function inspectionActionBody(
  action: InspectionAction,
  values: Record<string, unknown>,
  version: number,
): Record<string, unknown> & { version: number } {
  return stepBodyOf(inspectionWorkflow.fieldsOf(action), values, version);
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
