import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, parseBin, parseIin } from '@adaldesk/libs';

/** A react-admin validation result: a translation key, with arguments when the message has any. */
export type ValidationMessage = string | { message: string; args: Record<string, unknown> };

/**
 * libs explains a weak password in English; each explanation it gives is mapped to a message of ours.
 * One it gains later still shows, quoted, inside a translated sentence.
 */
const PASSWORD_PROBLEMS: Record<string, ValidationMessage> = {
  [`must be at least ${PASSWORD_MIN_LENGTH} characters long`]: {
    message: 'app.validation.password_too_short',
    args: { min: PASSWORD_MIN_LENGTH },
  },
  [`must be at most ${PASSWORD_MAX_LENGTH} characters long`]: {
    message: 'app.validation.password_too_long',
    args: { max: PASSWORD_MAX_LENGTH },
  },
  'must contain both letters and digits': 'app.validation.password_letters_and_digits',
  'must not repeat the same few characters': 'app.validation.password_repetitive',
  'must not contain the e-mail name': 'app.validation.password_contains_email',
};

/** The shared password rule, checked against the e-mail in the same form. Empty passes (see `required`). */
export function strongPassword(value: unknown, values?: { email?: unknown }): ValidationMessage | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const problem = checkPasswordStrength(value, typeof values?.email === 'string' ? values.email : '');
  if (problem === null) return undefined;
  return PASSWORD_PROBLEMS[problem] ?? { message: 'app.validation.password_weak', args: { reason: problem } };
}

/** A Kazakhstan BIN by the shared check (12 digits, check digit, month, entity type). Empty passes. */
export function validBin(value: unknown): ValidationMessage | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return parseBin(String(value)).valid ? undefined : 'app.validation.bin';
}

/** A Kazakhstan IIN by the shared check (12 digits, check digit, birth date, century and sex). Empty passes. */
export function validIin(value: unknown): ValidationMessage | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return parseIin(String(value)).valid ? undefined : 'app.validation.iin';
}

/** A moment (an ISO instant or a `datetime-local` value) that has already happened. Empty passes. */
export function notInFuture(value: unknown): ValidationMessage | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const time = new Date(String(value)).getTime();
  return Number.isNaN(time) || time <= Date.now() ? undefined : 'app.validation.not_in_future';
}
