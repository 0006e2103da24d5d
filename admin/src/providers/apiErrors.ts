/**
 * Turns the API's error bodies (`{statusCode, error, message, details}`) into what react-admin shows:
 * field errors next to the inputs, and otherwise a notification in the user's language.
 * Pure, so the rules are tested without a browser.
 */

/** react-admin's server-side validation shape: `{ field: message }`, nested for dotted paths. */
export interface FieldErrors {
  [field: string]: string | FieldErrors;
}

/** What the data provider throws; it becomes react-admin's `HttpError(message, status, body)`. */
export interface ReactAdminError {
  /** A translation key, or the API's own words when no key says more. */
  message: string;
  status: number;
  body: Record<string, unknown> & { errors?: FieldErrors };
}

/** Translation keys this module answers with; each one exists in every locale (see i18n.spec.ts). */
export const ERROR_MESSAGE_KEYS = {
  invalidForm: 'ra.message.invalid_form',
  signInAgain: 'ra.auth.auth_check_error',
  forbidden: 'app.errors.forbidden',
  notFound: 'ra.notification.item_doesnt_exist',
  staleVersion: 'app.errors.stale_version',
  conflict: 'app.errors.conflict',
  tooManyRequests: 'app.errors.too_many_requests',
  server: 'ra.notification.http_error',
} as const;

/**
 * The API names bad fields as `[{field, message}]`; other servers (and older endpoints) answer
 * `{field: message}` or `{field: [messages]}`. Either way each field gets one message, and a dotted
 * field (`address.city`) becomes a nested error as react-hook-form expects.
 */
export function fieldErrorsFrom(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const entries: Array<[unknown, unknown]> = Array.isArray(details)
    ? details
        .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object')
        .map((item) => [item.field ?? item.property, item.message ?? item.messages])
    : details !== null && typeof details === 'object'
      ? Object.entries(details)
      : [];
  for (const [field, message] of entries) {
    const text = messageText(message);
    if (typeof field === 'string' && field !== '' && text) addFieldError(errors, field.split('.'), text);
  }
  return errors;
}

export function toReactAdminError(error: { status?: number; message?: string; body?: unknown }): ReactAdminError {
  const status = typeof error.status === 'number' ? error.status : 0;
  const body = isObject(error.body) ? error.body : {};
  const apiMessage = typeof body.message === 'string' && body.message ? body.message : error.message || '';

  if (status === 400 || status === 409 || status === 422) {
    const errors = fieldErrorsFrom(body.details);
    if (Object.keys(errors).length > 0)
      return { message: ERROR_MESSAGE_KEYS.invalidForm, status, body: { ...body, errors } };
  }
  return { message: messageFor(status, body, apiMessage), status, body };
}

function messageFor(status: number, body: Record<string, unknown>, apiMessage: string): string {
  switch (status) {
    case 401:
      return ERROR_MESSAGE_KEYS.signInAgain;
    case 403:
      return ERROR_MESSAGE_KEYS.forbidden;
    case 404:
      return ERROR_MESSAGE_KEYS.notFound;
    case 409:
      return isObject(body.details) && 'currentVersion' in body.details
        ? ERROR_MESSAGE_KEYS.staleVersion
        : apiMessage || ERROR_MESSAGE_KEYS.conflict;
    case 429:
      return ERROR_MESSAGE_KEYS.tooManyRequests;
  }
  // A 400 or 422 without fields explains itself (e.g. which status transitions are allowed).
  if (status >= 400 && status < 500 && apiMessage) return apiMessage;
  return ERROR_MESSAGE_KEYS.server;
}

function messageText(message: unknown): string | null {
  if (typeof message === 'string') return message.trim() || null;
  if (Array.isArray(message)) {
    const texts = message.filter((m): m is string => typeof m === 'string' && m.trim() !== '');
    return texts.length > 0 ? texts.join('; ') : null;
  }
  return null;
}

function addFieldError(errors: FieldErrors, path: string[], message: string): void {
  const [head, ...rest] = path;
  const existing = errors[head];
  if (rest.length === 0) {
    if (existing === undefined) errors[head] = message;
    else if (typeof existing === 'string') errors[head] = `${existing}; ${message}`;
    return;
  }
  // A message on the parent already covers its children.
  if (typeof existing === 'string') return;
  const nested = existing ?? {};
  errors[head] = nested;
  addFieldError(nested, rest, message);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
