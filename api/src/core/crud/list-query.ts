import { AppError, type FieldProblem } from '../errors/app-error.js';
import { CIVIL_DATE_MESSAGE, INSTANT_MESSAGE, parseCivilDate, parseInstant } from '../validation/dates.js';
import { unsafeInputProblem } from '../validation/safe-input.js';

export type FilterType = 'uuid' | 'integerId' | 'text' | 'boolean' | 'date' | 'datetime' | 'integer';
/** `isNull` takes true (no value) or false (has a value): `{"unread": true}` on `readAt`. */
export type FilterOperator = 'eq' | 'gte' | 'lte' | 'isNull';

/** One filter a list accepts: `filter={"<name>": value}`; `eq` filters also take an array (any of). */
export interface FilterSpec {
  property: string;
  type: FilterType;
  operator: FilterOperator;
}

export interface ListSpec {
  resource: string;
  filters: Record<string, FilterSpec>;
  sortable: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** Whether `q` (full-text search) is accepted. */
  searchable: boolean;
  /** How record ids look: UUIDs, or the audit trail's growing integers. */
  idType?: 'uuid' | 'integer';
}

export interface ParsedFilter {
  spec: FilterSpec;
  value: unknown;
}

export interface ListQuery {
  sort: { property: string; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filters: ParsedFilter[];
  q: string | null;
}

export const MAX_PAGE_SIZE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `filter={"x":[..]}` is as deep as a filter goes; a little room, and no further. */
const MAX_PARAMETER_DEPTH = 4;
const INT4_MAX = 2_147_483_647;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const INTEGER_ID = /^[1-9]\d{0,17}$/;

export const isValidId = (value: unknown, idType: ListSpec['idType'] = 'uuid'): value is string =>
  idType === 'integer' ? typeof value === 'string' && INTEGER_ID.test(value) : isUuid(value);

/**
 * `eq` on a property, with `<name>_gte`/`<name>_lte` range filters for those in `ranges`, and
 * `<name>_null` (true: no value, false: a value) for those in `nullable`. A list link cannot say "no
 * category" as `{"categoryId": null}`: react-admin drops empty filter values from its URL.
 */
export function filtersFor(
  properties: Record<string, FilterType>,
  ranges: string[] = [],
  nullable: string[] = [],
): Record<string, FilterSpec> {
  const filters: Record<string, FilterSpec> = {};
  for (const [property, type] of Object.entries(properties)) {
    filters[property] = { property, type, operator: 'eq' };
    if (ranges.includes(property)) {
      filters[`${property}_gte`] = { property, type, operator: 'gte' };
      filters[`${property}_lte`] = { property, type, operator: 'lte' };
    }
    if (nullable.includes(property)) filters[`${property}_null`] = { property, type, operator: 'isNull' };
  }
  return filters;
}

/** Reads react-admin's `sort`, `range` and `filter` query parameters; anything off is a 400 naming it. */
export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  const problems: FieldProblem[] = [];
  const json = (name: string): unknown => {
    const raw = query[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') {
      problems.push({ field: name, message: 'must be given once, as JSON' });
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      problems.push({ field: name, message: 'is not valid JSON' });
      return undefined;
    }
    const unsafe = unsafeInputProblem(parsed, name, MAX_PARAMETER_DEPTH);
    if (unsafe) {
      problems.push(unsafe);
      return undefined;
    }
    return parsed;
  };

  let sort = { property: spec.defaultSort[0], order: spec.defaultSort[1] as 'ASC' | 'DESC' };
  const rawSort = json('sort');
  if (rawSort !== undefined) {
    if (
      !Array.isArray(rawSort) ||
      rawSort.length !== 2 ||
      typeof rawSort[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(rawSort[1]).toUpperCase())
    ) {
      problems.push({ field: 'sort', message: 'must be ["field","ASC"] or ["field","DESC"]' });
    } else if (!spec.sortable.includes(rawSort[0])) {
      problems.push({
        field: 'sort',
        message: `cannot sort by "${rawSort[0]}"; sortable: ${spec.sortable.join(', ')}`,
      });
    } else {
      sort = { property: rawSort[0], order: String(rawSort[1]).toUpperCase() as 'ASC' | 'DESC' };
    }
  }

  let offset = 0;
  let limit = 25;
  const rawRange = json('range');
  if (rawRange !== undefined) {
    const valid =
      Array.isArray(rawRange) &&
      rawRange.length === 2 &&
      rawRange.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      rawRange[1] >= rawRange[0];
    if (!valid) {
      problems.push({ field: 'range', message: 'must be [start, end] with 0 <= start <= end' });
    } else if (rawRange[1] - rawRange[0] + 1 > MAX_PAGE_SIZE) {
      problems.push({ field: 'range', message: `may span at most ${MAX_PAGE_SIZE} records` });
    } else {
      offset = rawRange[0];
      limit = rawRange[1] - rawRange[0] + 1;
    }
  }

  const filters: ParsedFilter[] = [];
  let q: string | null = null;
  const rawFilter = json('filter');
  if (rawFilter !== undefined) {
    if (rawFilter === null || typeof rawFilter !== 'object' || Array.isArray(rawFilter)) {
      problems.push({ field: 'filter', message: 'must be a JSON object' });
    } else {
      for (const [name, value] of Object.entries(rawFilter as Record<string, unknown>)) {
        if (name === 'q' && spec.searchable) {
          if (typeof value !== 'string' || value.length > 200) {
            problems.push({ field: 'filter.q', message: 'must be text of at most 200 characters' });
          } else if (value.trim()) {
            q = value.trim();
          }
          continue;
        }
        // `hasOwn`, not a lookup: `filter={"constructor":..}` must not find Object's own constructor.
        const filterSpec =
          name === 'id' ? idFilter(spec) : Object.hasOwn(spec.filters, name) ? spec.filters[name] : null;
        if (!filterSpec) {
          const allowed = ['id', ...Object.keys(spec.filters), ...(spec.searchable ? ['q'] : [])].join(', ');
          problems.push({
            field: `filter.${name}`,
            message: `is not a filter of ${spec.resource}; filters: ${allowed}`,
          });
          continue;
        }
        const problem = checkFilterValue(filterSpec, value);
        if (problem) problems.push({ field: `filter.${name}`, message: problem });
        else filters.push({ spec: filterSpec, value });
      }
    }
  }

  for (const name of Object.keys(query)) {
    if (!['sort', 'range', 'filter'].includes(name)) {
      problems.push({ field: name, message: 'is not a query parameter of lists; use sort, range and filter' });
    }
  }
  if (problems.length > 0) throw AppError.validation(problems);
  return { sort, offset, limit, filters, q };
}

function idFilter(spec: ListSpec): FilterSpec {
  return { property: 'id', type: spec.idType === 'integer' ? 'integerId' : 'uuid', operator: 'eq' };
}

function checkFilterValue(spec: FilterSpec, value: unknown): string | null {
  if (spec.operator === 'isNull') return typeof value === 'boolean' ? null : 'must be true or false';
  if (Array.isArray(value)) {
    if (spec.operator !== 'eq') return 'must be a single value';
    if (value.length > MAX_PAGE_SIZE) return `may list at most ${MAX_PAGE_SIZE} values`;
    for (const item of value) {
      const problem = checkScalar(spec.type, item);
      if (problem) return `every value ${problem}`;
    }
    return null;
  }
  if (value === null) return spec.operator === 'eq' ? null : 'must not be null';
  return checkScalar(spec.type, value);
}

function checkScalar(type: FilterType, value: unknown): string | null {
  switch (type) {
    case 'uuid':
      return isUuid(value) ? null : 'must be an id (UUID)';
    case 'integerId':
      return isValidId(String(value), 'integer') ? null : 'must be an id (a positive whole number)';
    case 'text':
      return typeof value === 'string' && value.length <= 200 ? null : 'must be text of at most 200 characters';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'integer':
      // The columns are PostgreSQL `integer`s: a larger number is no value any record has.
      return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX ? null : 'must be a whole number';
    case 'date':
      return parseCivilDate(value) ? null : CIVIL_DATE_MESSAGE;
    case 'datetime':
      return parseInstant(value) ? null : INSTANT_MESSAGE;
  }
}
