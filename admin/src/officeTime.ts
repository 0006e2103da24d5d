/**
 * The office's day: list filters, dashboard periods and links all cut days at midnight in the
 * office's time zone (the API's `APP_TIME_ZONE`), never at the browser's, so that a list opened from
 * a figure and a list filtered by hand by the same days count the same appeals.
 */
import { WorkingCalendar } from '@adaldesk/libs';

/** The office's time zone (the API's default `APP_TIME_ZONE`) until an answer of the API names its own. */
export const OFFICE_TIME_ZONE = 'Asia/Almaty';

const DAY = 86_400_000;

/** The office's clock: only its time zone matters here, so no exceptions to the working week. */
const clockOf = (timeZone: string) => new WorkingCalendar([], { timeZone });

/** The first instant of the civil `date` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDay(date: string, timeZone: string = OFFICE_TIME_ZONE): Date {
  return clockOf(timeZone).localDateTime(date, '00:00');
}

/** Both ends of a period of civil dates as instants: its first moment and its last millisecond. */
export function instantRange(
  from: string,
  to: string,
  timeZone: string = OFFICE_TIME_ZONE,
): { gte: string; lte: string } {
  const nextDay = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return {
    gte: startOfDay(from, timeZone).toISOString(),
    lte: new Date(startOfDay(nextDay, timeZone).getTime() - 1).toISOString(),
  };
}

/** Today's civil date in `timeZone`. */
export function civilToday(timeZone: string = OFFICE_TIME_ZONE, now = new Date()): string {
  return clockOf(timeZone).localDate(now);
}
