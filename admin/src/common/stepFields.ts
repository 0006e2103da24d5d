import type { StepField, StepFields } from '@adaldesk/libs';
import { maxLength, maxValue, minLength, minValue, required, type Validator } from 'react-admin';

/** The checks a step dialog makes before the API does, read off the field's declaration in libs. */
export function stepFieldValidators(field: StepField): Validator[] {
  const validators: Validator[] = field.optional ? [] : [required()];
  if (field.type === 'text') {
    if (field.min) validators.push(minLength(field.min));
    validators.push(maxLength(field.max));
  }
  if (field.type === 'integer') validators.push(minValue(field.min), maxValue(field.max));
  return validators;
}

/** Whether a dialog value is given: an empty box is not, nor an untouched (null) one. */
const filledIn = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The body of a step: the fields libs declares for it that the dialog filled in (`given` says which
 * values count), and the version of the record as shown.
 */
export function stepBodyOf(
  fields: StepFields,
  values: Record<string, unknown>,
  version: number,
  given: (value: unknown) => boolean = filledIn,
): Record<string, unknown> & { version: number } {
  const body: Record<string, unknown> & { version: number } = { version };
  for (const field of Object.keys(fields)) {
    if (given(values[field])) body[field] = values[field];
  }
  return body;
}
