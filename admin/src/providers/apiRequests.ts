/** How react-admin's requests are shaped for the API. Pure, so tested without a browser. */
import { instantRange } from '../officeTime';

type Values = Record<string, unknown>;

/** Fields the server owns: never written by a form. `version` is sent apart, from the record as read. */
const SERVER_MANAGED_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * The body of `PUT /api/<resource>/<id>`: only the fields the form changed, plus the `version` of the
 * record as it was read, so a stale edit gets 409 instead of silently overwriting someone else's.
 * Sending only changes also keeps read-only fields (`lastLoginAt`, ...) out of the API's validation.
 */
export function updatePayload(data: Values, previousData: Values | undefined): Values {
  const changes: Values = {};
  for (const [field, value] of Object.entries(data)) {
    if (!SERVER_MANAGED_FIELDS.has(field) && !sameValue(value, previousData?.[field])) changes[field] = value;
  }
  const version = previousData?.version ?? data.version;
  return version === undefined ? changes : { ...changes, version };
}

/** `undefined` (never set) and `null` (cleared) both mean "no value". */
const isEmpty = (value: unknown) => value === null || value === undefined;

function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** A calendar day picked in a filter (`YYYY-MM-DD`), as the instant its day starts or ends in the office. */
function dayBoundary(value: unknown, end: 'start' | 'end'): unknown {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const range = instantRange(value, value);
  return end === 'start' ? range.gte : range.lte;
}

/** Filters a screen offers that the API spells differently, by resource. */
const LIST_FILTER_ADAPTERS: Record<string, (filter: Values) => Values> = {
  // The working calendar is browsed a year at a time; the API filters dates by range.
  'calendar-days': ({ year, ...filter }) =>
    year === undefined || year === null || year === ''
      ? filter
      : { ...filter, date_gte: `${year}-01-01`, date_lte: `${year}-12-31` },
  // Appeals are filtered by the office's day (as the dashboard counts them); the API compares instants,
  // so "to 27 November" must reach the end of that day, not its first moment.
  appeals: (filter) =>
    Object.fromEntries(
      Object.entries(filter).map(([name, value]) => [
        name,
        name.endsWith('_gte') ? dayBoundary(value, 'start') : name.endsWith('_lte') ? dayBoundary(value, 'end') : value,
      ]),
    ),
  // Deadlines are filtered by day too: "due to 27 November" reaches the end of that day.
  'corrective-actions': ({ dueAt_gte, dueAt_lte, ...filter }) => ({
    ...filter,
    ...(dueAt_gte ? { dueAt_gte: dayBoundary(dueAt_gte, 'start') } : {}),
    ...(dueAt_lte ? { dueAt_lte: dayBoundary(dueAt_lte, 'end') } : {}),
  }),
};

export function apiListFilter(resource: string, filter: Values): Values {
  const adapt = LIST_FILTER_ADAPTERS[resource];
  return adapt ? adapt(filter) : filter;
}

/** The query string of a list request (`sort`, `filter`) as the API reads it, for exports and downloads. */
export function listQueryString(
  resource: string,
  { filter, sort }: { filter: Values; sort?: { field: string; order: string } },
): string {
  const query = new URLSearchParams({ filter: JSON.stringify(apiListFilter(resource, filter)) });
  if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return query.toString();
}
