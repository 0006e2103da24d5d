/**
 * Dates and instants from clients. JavaScript's `Date` is lenient where PostgreSQL is not
 * (`2026-02-30` rolls over to March, year 0 and year 275760 exist, `"1 1"` is a date), so anything a
 * client sends is checked here, once, against the calendar and a sane range of years.
 */

/** The years an office record can fall in; outside them a date is a typo or an attack. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 as clients send it: a date, optionally a time (`T` or a space) and an offset. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const CIVIL_DATE_MESSAGE = `must be a date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`;
export const INSTANT_MESSAGE = `must be a date and time (ISO 8601) between ${MIN_YEAR} and ${MAX_YEAR}`;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `value` when it is a real calendar date `YYYY-MM-DD` within the years allowed, otherwise null. */
export function parseCivilDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = CIVIL_DATE.exec(value);
  if (!match) return null;
  return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? value : null;
}

/** The instant `value` names (ISO 8601, a real calendar day, a real time of day), otherwise null. */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, offset] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return null;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return null;
  if (offset && offset !== 'Z' && Number(offset.slice(1, 3)) > 14) return null;
  const instant = new Date(value.replace(' ', 'T'));
  return Number.isNaN(instant.getTime()) ? null : instant;
}
