import { subject as asSubject } from '@casl/ability';
import type { AppAbility, Resource, SubjectRecord } from '@adaldesk/libs';
import { isUuid } from '../core/crud/list-query.js';
import { AppError, type FieldProblem } from '../core/errors/app-error.js';
import { CIVIL_DATE_MESSAGE, parseCivilDate } from '../core/validation/dates.js';

/**
 * The longest period a statistics query covers. Figures are built month by month and day by day, so
 * a period without a bound is work without a bound (`to=9999-12-31` once held the API for minutes).
 */
export const MAX_PERIOD_YEARS = 5;

/** A period of civil dates in the office's time zone, both ends included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

/**
 * The `from` and `to` of a statistics query (`YYYY-MM-DD`, both included): the twelve months up to
 * today by default, at most `MAX_PERIOD_YEARS` long. Problems are added to `problems`, naming the
 * parameter.
 */
export function parsePeriod(query: Record<string, unknown>, today: string, problems: FieldProblem[]): StatsPeriod {
  const date = (name: 'from' | 'to'): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    const civilDate = parseCivilDate(value);
    if (civilDate === null) problems.push({ field: name, message: CIVIL_DATE_MESSAGE });
    return civilDate;
  };
  const to = date('to') ?? today;
  const from = date('from') ?? yearBefore(to);
  if (from > to) problems.push({ field: 'from', message: 'must not be after "to"' });
  else if (from < yearsBefore(to, MAX_PERIOD_YEARS)) {
    problems.push({ field: 'from', message: `must be at most ${MAX_PERIOD_YEARS} years before "to"` });
  }
  return { from, to };
}

/** The optional `regionId` of a statistics query. */
export function parseRegionId(query: Record<string, unknown>, problems: FieldProblem[]): string | null {
  const regionId = query.regionId === undefined || query.regionId === '' ? null : query.regionId;
  if (regionId !== null && !isUuid(regionId)) {
    problems.push({ field: 'regionId', message: 'must be a region id (UUID)' });
    return null;
  }
  return regionId as string | null;
}

/**
 * A region asked for must be one the caller may read `resource` records of (some record: `variants`
 * are the other fields the rules may look at); otherwise 403 rather than figures of nothing, which a
 * dashboard would show as "none".
 */
export function assertRegionReadable(
  ability: AppAbility,
  resource: Resource,
  regionId: string | null,
  variants: Record<string, unknown>[] = [{}],
): void {
  if (regionId === null) return;
  const record = (fields: Record<string, unknown>) =>
    asSubject(resource, { ...fields, regionId } as Record<string, unknown>) as SubjectRecord;
  if (variants.some((fields) => ability.can('read', record(fields)))) return;
  throw AppError.forbidden('You may read the statistics of your own region only');
}

/** Every parameter not in `allowed` is a problem naming it. */
export function rejectUnknownParameters(
  query: Record<string, unknown>,
  allowed: readonly string[],
  problems: FieldProblem[],
): void {
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name))
      problems.push({ field: name, message: `is not a parameter; use ${allowed.join(', ')}` });
  }
}

/** The day after the same date a year earlier: `to` closes a period of twelve months. */
export function yearBefore(to: string): string {
  return yearsBefore(to, 1);
}

/** The day after the same date `years` earlier: the first day of a period of `years` ending on `to`. */
function yearsBefore(to: string, years: number): string {
  const date = new Date(`${to}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The civil date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The first day of the month of `date`. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month after the month of `date`. */
export function nextMonth(date: string): string {
  const next = new Date(`${monthOf(date)}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next.toISOString().slice(0, 10);
}
