/**
 * Local calendar dates as `YYYY-MM-DD` strings. A date names a day, not an instant, so the arithmetic
 * counts days since 1970-01-01 on the Gregorian calendar and never looks at a time zone.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date; a RangeError naming the argument otherwise. */
export function parseCivilDate(value: string, argumentName: string): number {
  const match = typeof value === 'string' ? CIVIL_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    const epochDay = Date.UTC(year, month - 1, day) / MS_PER_DAY;
    // Date.UTC rolls 2026-02-30 over to 2 March; only a real date survives the round trip.
    if (formatCivilDate(epochDay) === value) return epochDay;
  }
  throw new RangeError(`${argumentName} must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

export function formatCivilDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function dayOfWeek(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCDay();
}

export function isWeekend(epochDay: number): boolean {
  const weekday = dayOfWeek(epochDay);
  return weekday === 0 || weekday === 6;
}
