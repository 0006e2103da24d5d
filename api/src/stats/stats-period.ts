import { subject as asSubject } from '@casl/ability';
import type { AppAbility, Resource, SubjectRecord } from '@adaldesk/libs';
import { isUuid } from '../core/crud/list-query.js';
import { AppError, type FieldProblem } from '../core/errors/app-error.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of civil dates in the office's time zone, both ends included. */
export interface StatsPeriod {
  from: string;
  to: string;
}

/**
 * The `from` and `to` of a statistics query (`YYYY-MM-DD`, both included): the twelve months up to
 * today by default. Problems are added to `problems`, naming the parameter.
 */
export function parsePeriod(query: Record<string, unknown>, today: string, problems: FieldProblem[]): StatsPeriod {
  const date = (name: 'from' | 'to'): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || !isCivilDate(value)) {
      problems.push({ field: name, message: 'must be a date YYYY-MM-DD' });
      return null;
    }
    return value;
  };
  const to = date('to') ?? today;
  const from = date('from') ?? yearBefore(to);
  if (from > to) problems.push({ field: 'from', message: 'must not be after "to"' });
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

/** A real calendar date: `2026-02-30` is not one. */
function isCivilDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day after the same date a year earlier: `to` closes a period of twelve months. */
export function yearBefore(to: string): string {
  const date = new Date(`${to}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
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
