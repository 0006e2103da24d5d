import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../domain/resources.js';
import { formatCivilDate, isWeekend, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseCivilDate } from './civil-date.js';
import { assertInstant, assertNonNegative, assertWholeNumber } from './validation.js';

/** Hours of time-zone offsets a calendar keeps (about three years); the cache starts again beyond. */
const OFFSET_CACHE_HOURS = 26_000;

/** A day that breaks the Monday–Friday rule; the admin-edited `calendar-days` resource. */
export interface CalendarException {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
}

export interface WorkingCalendarOptions {
  /** IANA time zone of the office; offsets come from Intl, so history and DST are respected. */
  timeZone?: string;
  /** Local opening time, `HH:MM`. */
  workdayStart?: string;
  /** Local close of business, `HH:MM`; deadlines end here. */
  workdayEnd?: string;
}

export interface Registration {
  registeredAt: Date;
  /** Local date of registration, `YYYY-MM-DD`: the day that is not counted. */
  registrationDate: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Almaty';
export const DEFAULT_WORKDAY_START = '09:00';
export const DEFAULT_WORKDAY_END = '18:00';

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Working days and working hours of one office: Monday–Friday from `workdayStart` to `workdayEnd` in
 * `timeZone`, except the listed holidays and days off, plus weekend days made working by decree.
 * Dates are local `YYYY-MM-DD` strings; instants are `Date`s.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  readonly workdayStart: string;
  readonly workdayEnd: string;

  private readonly exceptions = new Map<number, CalendarDayKind>();
  private readonly startMinute: number;
  private readonly endMinute: number;
  private readonly zoneFormat: Intl.DateTimeFormat;
  private readonly offsetsByHour = new Map<number, number>();

  constructor(exceptions: readonly CalendarException[] = [], options: WorkingCalendarOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.workdayStart = options.workdayStart ?? DEFAULT_WORKDAY_START;
    this.workdayEnd = options.workdayEnd ?? DEFAULT_WORKDAY_END;
    this.startMinute = parseWallTime(this.workdayStart, 'workdayStart');
    this.endMinute = parseWallTime(this.workdayEnd, 'workdayEnd');
    if (this.startMinute >= this.endMinute) {
      throw new RangeError(`workdayEnd (${this.workdayEnd}) must be later than workdayStart (${this.workdayStart})`);
    }
    this.zoneFormat = zoneFormatFor(this.timeZone);

    for (const [index, exception] of exceptions.entries()) {
      const day = parseCivilDate(exception.date, `exceptions[${index}].date`);
      if (!CALENDAR_DAY_KINDS.includes(exception.kind)) {
        throw new RangeError(
          `exceptions[${index}].kind must be one of ${CALENDAR_DAY_KINDS.join(', ')}, ` +
            `got ${JSON.stringify(exception.kind)}`,
        );
      }
      const listed = this.exceptions.get(day);
      if (listed !== undefined && listed !== exception.kind) {
        throw new RangeError(`exceptions: ${exception.date} is listed both as ${listed} and as ${exception.kind}`);
      }
      this.exceptions.set(day, exception.kind);
    }
  }

  /** Length of one working day in milliseconds (9 hours by default). */
  get workingDayMillis(): number {
    return (this.endMinute - this.startMinute) * MS_PER_MINUTE;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingEpochDay(parseCivilDate(date, 'date'));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return formatCivilDate(this.nextWorkingEpochDay(parseCivilDate(date, 'date')));
  }

  /** The `n`th working day after `date`, `date` itself not counted; `n = 0` gives `date`. */
  addWorkingDays(date: string, n: number): string {
    let day = parseCivilDate(date, 'date');
    assertWholeNumber(n, 'n');
    for (let counted = 0; counted < n; counted++) day = this.nextWorkingEpochDay(day);
    return formatCivilDate(day);
  }

  /** Working days after `fromDate` up to and including `toDate`; negative when `toDate` is earlier. */
  workingDaysBetween(fromDate: string, toDate: string): number {
    const from = parseCivilDate(fromDate, 'fromDate');
    const to = parseCivilDate(toDate, 'toDate');
    const [first, last, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = first + 1; day <= last; day++) if (this.isWorkingEpochDay(day)) count++;
    return sign * count;
  }

  /** The local date of an instant in the calendar's time zone. */
  localDate(instant: Date): string {
    assertInstant(instant, 'instant');
    return formatCivilDate(this.localEpochDay(instant.getTime()));
  }

  /** The instant at which the local clock shows `time` on `date`. */
  localDateTime(date: string, time: string): Date {
    return new Date(this.wallTimeInstant(parseCivilDate(date, 'date'), parseWallTime(time, 'time')));
  }

  /**
   * When an appeal received at `receivedAt` is registered (APPC art. 64, 76): at once during working
   * hours of a working day, at opening time when it comes earlier that day, and at opening time of the
   * next working day when it comes at or after close of business or on a non-working day.
   */
  registration(receivedAt: Date): Registration {
    assertInstant(receivedAt, 'receivedAt');
    const received = receivedAt.getTime();
    const day = this.localEpochDay(received);
    if (this.isWorkingEpochDay(day)) {
      const opens = this.wallTimeInstant(day, this.startMinute);
      if (received < opens) return this.registeredAt(opens);
      if (received < this.wallTimeInstant(day, this.endMinute)) return this.registeredAt(received);
    }
    return this.registeredAt(this.wallTimeInstant(this.nextWorkingEpochDay(day), this.startMinute));
  }

  /**
   * Close of business of the `n`th working day after the registration date; the registration day is
   * not counted. A `registeredAt` outside working hours is registered first, as `registration` does.
   */
  deadlineAfterWorkingDays(registeredAt: Date, n: number): Date {
    assertInstant(registeredAt, 'registeredAt');
    assertWholeNumber(n, 'n');
    const { registrationDate } = this.registration(registeredAt);
    return this.localDateTime(this.addWorkingDays(registrationDate, n), this.workdayEnd);
  }

  /** The earliest instant by which `hours` of working time have passed since `from`. */
  addWorkingHours(from: Date, hours: number): Date {
    assertNonNegative(hours, 'hours');
    return this.addWorkingMillis(from, hours * MS_PER_HOUR);
  }

  /** The earliest instant by which `millis` of working time have passed since `from`. */
  addWorkingMillis(from: Date, millis: number): Date {
    assertInstant(from, 'from');
    assertNonNegative(millis, 'millis');
    const start = from.getTime();
    if (millis === 0) return new Date(start);
    let remaining = millis;
    for (let day = this.localEpochDay(start); ; day++) {
      if (!this.isWorkingEpochDay(day)) continue;
      const opens = Math.max(start, this.wallTimeInstant(day, this.startMinute));
      const closes = this.wallTimeInstant(day, this.endMinute);
      if (opens >= closes) continue;
      if (remaining <= closes - opens) return new Date(opens + remaining);
      remaining -= closes - opens;
    }
  }

  /** Working time between two instants in milliseconds; negative when `b` is earlier than `a`. */
  workingMillisBetween(a: Date, b: Date): number {
    assertInstant(a, 'a');
    assertInstant(b, 'b');
    const [from, to, sign] = a <= b ? [a.getTime(), b.getTime(), 1] : [b.getTime(), a.getTime(), -1];
    let total = 0;
    const lastDay = this.localEpochDay(to);
    for (let day = this.localEpochDay(from); day <= lastDay; day++) {
      if (!this.isWorkingEpochDay(day)) continue;
      const opens = Math.max(from, this.wallTimeInstant(day, this.startMinute));
      const closes = Math.min(to, this.wallTimeInstant(day, this.endMinute));
      if (closes > opens) total += closes - opens;
    }
    return sign * total;
  }

  private registeredAt(instant: number): Registration {
    return { registeredAt: new Date(instant), registrationDate: formatCivilDate(this.localEpochDay(instant)) };
  }

  private isWorkingEpochDay(day: number): boolean {
    const exception = this.exceptions.get(day);
    if (exception === undefined) return !isWeekend(day);
    return exception === 'working_day';
  }

  private nextWorkingEpochDay(day: number): number {
    let next = day + 1;
    while (!this.isWorkingEpochDay(next)) next++;
    return next;
  }

  private localEpochDay(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / MS_PER_DAY);
  }

  /**
   * Wall time to instant: subtract the offset, then re-read the offset at the result, which settles it
   * when the guess fell on the other side of an offset change. A wall time that a clock change skips
   * comes out shifted by the gap (02:30 on a spring-forward night is 03:30).
   */
  private wallTimeInstant(day: number, minute: number): number {
    const wallTimeAsUtc = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    const guess = wallTimeAsUtc - this.offsetAt(wallTimeAsUtc);
    return wallTimeAsUtc - this.offsetAt(guess);
  }

  /**
   * Offset of the time zone from UTC at an instant, in milliseconds (Asia/Almaty: +5 h since 2024-03-01).
   * Reading it through Intl is slow and deadlines ask for it thousands of times, so it is kept per hour
   * of UTC when the hour starts and ends on the same offset, which is every hour but a change's own.
   */
  private offsetAt(instant: number): number {
    const hour = Math.floor(instant / MS_PER_HOUR);
    const known = this.offsetsByHour.get(hour);
    if (known !== undefined) return known;
    const start = this.readOffset(hour * MS_PER_HOUR);
    if (start !== this.readOffset((hour + 1) * MS_PER_HOUR - 1)) return this.readOffset(instant);
    if (this.offsetsByHour.size >= OFFSET_CACHE_HOURS) this.offsetsByHour.clear();
    this.offsetsByHour.set(hour, start);
    return start;
  }

  private readOffset(instant: number): number {
    const parts = this.zoneFormat.formatToParts(new Date(instant));
    const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
    const wallTimeAsUtc = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
    return wallTimeAsUtc - wholeSecond;
  }
}

function parseWallTime(value: string, argumentName: string): number {
  const match = typeof value === 'string' ? WALL_TIME.exec(value) : null;
  if (!match)
    throw new RangeError(`${argumentName} must be a time as HH:MM from 00:00 to 23:59, got ${JSON.stringify(value)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function zoneFormatFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`timeZone must be an IANA time zone such as Asia/Almaty, got ${JSON.stringify(timeZone)}`);
  }
}
