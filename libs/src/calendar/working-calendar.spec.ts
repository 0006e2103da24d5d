import { kazakhstanCalendarDays } from './kazakhstan-holidays.js';
import { type CalendarException, WorkingCalendar } from './working-calendar.js';
import { rangeErrorOf } from '../testing/range-error.js';

/** The product's default calendar: Asia/Almaty (UTC+5 since 2024-03-01), 09:00–18:00, seeded 2025–2027. */
const almaty = new WorkingCalendar([
  ...kazakhstanCalendarDays(2025),
  ...kazakhstanCalendarDays(2026),
  ...kazakhstanCalendarDays(2027),
]);
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const iso = (instant: Date) => instant.toISOString();

describe('WorkingCalendar: working days', () => {
  it('works Monday to Friday and rests on weekends', () => {
    expect(almaty.isWorkingDay('2026-04-10')).toBe(true); // Friday
    expect(almaty.isWorkingDay('2026-04-11')).toBe(false); // Saturday
    expect(almaty.isWorkingDay('2026-04-12')).toBe(false); // Sunday
    expect(almaty.isWorkingDay('2026-04-13')).toBe(true); // Monday
  });

  it('rests on holidays and on days off moved from a weekend', () => {
    expect(almaty.isWorkingDay('2026-03-23')).toBe(false); // Nauryz, Monday
    expect(almaty.isWorkingDay('2026-03-24')).toBe(false); // moved from Saturday 21 March
    expect(almaty.isWorkingDay('2026-03-25')).toBe(false); // moved from Sunday 22 March
    expect(almaty.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('works on a weekend day made working and rests on the weekday it was swapped for', () => {
    expect(almaty.isWorkingDay('2025-01-03')).toBe(false); // Friday, day off by order
    expect(almaty.isWorkingDay('2025-01-04')).toBe(false); // Saturday
    expect(almaty.isWorkingDay('2025-01-05')).toBe(true); // Sunday, working by order
  });

  it('finds the next working day over Nauryz and New Year', () => {
    expect(almaty.nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(almaty.nextWorkingDay('2026-12-31')).toBe('2027-01-05');
    expect(almaty.nextWorkingDay('2025-01-02')).toBe('2025-01-05');
  });

  it('adds working days without counting the start date', () => {
    expect(almaty.addWorkingDays('2026-04-10', 0)).toBe('2026-04-10');
    expect(almaty.addWorkingDays('2026-04-10', 1)).toBe('2026-04-13');
    expect(almaty.addWorkingDays('2026-03-17', 15)).toBe('2026-04-10');
    expect(almaty.addWorkingDays('2026-03-21', 1)).toBe('2026-03-26'); // from a holiday
  });

  it('counts working days after one date up to and including another', () => {
    expect(almaty.workingDaysBetween('2026-03-01', '2026-03-31')).toBe(18);
    expect(almaty.workingDaysBetween('2026-03-31', '2026-03-01')).toBe(-18);
    expect(almaty.workingDaysBetween('2026-03-17', '2026-04-10')).toBe(15);
    expect(almaty.workingDaysBetween('2026-04-10', '2026-04-10')).toBe(0);
    expect(almaty.workingDaysBetween('2026-04-10', '2026-04-12')).toBe(0); // only the weekend follows
  });
});

describe('WorkingCalendar: local time', () => {
  it('reads the local date in Asia/Almaty, where 19:30Z is already the next day', () => {
    expect(almaty.localDate(at('2026-03-20T18:59:59.999Z'))).toBe('2026-03-20');
    expect(almaty.localDate(at('2026-03-20T19:00:00.000Z'))).toBe('2026-03-21');
  });

  it('turns a local wall time into an instant with the offset of that date', () => {
    expect(iso(almaty.localDateTime('2026-03-20', '18:00'))).toBe('2026-03-20T13:00:00.000Z');
    expect(iso(almaty.localDateTime('2026-03-20', '00:00'))).toBe('2026-03-19T19:00:00.000Z');
    // Asia/Almaty was UTC+6 until 1 March 2024.
    expect(iso(almaty.localDateTime('2024-02-28', '18:00'))).toBe('2024-02-28T12:00:00.000Z');
    expect(iso(almaty.localDateTime('2024-03-01', '18:00'))).toBe('2024-03-01T13:00:00.000Z');
  });

  it('keeps each side of the 2024 Almaty offset change at its own offset in a deadline', () => {
    const plain = new WorkingCalendar();
    const registeredAt = at('2024-02-26T05:00:00Z'); // Monday 11:00 at UTC+6
    expect(iso(plain.deadlineAfterWorkingDays(registeredAt, 3))).toBe('2024-02-29T12:00:00.000Z');
    expect(iso(plain.deadlineAfterWorkingDays(registeredAt, 4))).toBe('2024-03-01T13:00:00.000Z');
  });
});

describe('WorkingCalendar: registration (APPC art. 64, 76)', () => {
  const registration = (receivedAt: string) => {
    const { registeredAt, registrationDate } = almaty.registration(at(receivedAt));
    return [iso(registeredAt), registrationDate];
  };

  it('registers at once what arrives during working hours', () => {
    expect(registration('2026-03-20T05:15:00.000Z')).toEqual(['2026-03-20T05:15:00.000Z', '2026-03-20']);
    expect(registration('2026-03-20T04:00:00.000Z')).toEqual(['2026-03-20T04:00:00.000Z', '2026-03-20']); // 09:00
    expect(registration('2026-04-10T12:59:59.999Z')).toEqual(['2026-04-10T12:59:59.999Z', '2026-04-10']);
  });

  it('registers what arrives before opening at 09:00 the same day', () => {
    expect(registration('2026-03-20T02:30:00.000Z')).toEqual(['2026-03-20T04:00:00.000Z', '2026-03-20']); // 07:30
  });

  it('registers what arrives at or after 18:00 on Friday on Monday at 09:00', () => {
    expect(registration('2026-04-10T13:00:00.000Z')).toEqual(['2026-04-13T04:00:00.000Z', '2026-04-13']); // 18:00
    expect(registration('2026-04-10T13:30:00.000Z')).toEqual(['2026-04-13T04:00:00.000Z', '2026-04-13']); // 18:30
    expect(registration('2026-04-10T18:30:00.000Z')).toEqual(['2026-04-13T04:00:00.000Z', '2026-04-13']); // 23:30
  });

  it('registers what arrives on a weekend on the next working day', () => {
    expect(registration('2026-04-11T07:00:00.000Z')).toEqual(['2026-04-13T04:00:00.000Z', '2026-04-13']);
    // Saturday 4 January 2025: the next working day is the Sunday made working.
    expect(registration('2025-01-04T07:00:00.000Z')).toEqual(['2025-01-05T04:00:00.000Z', '2025-01-05']);
  });

  it('registers what arrives on a holiday on the next working day', () => {
    expect(registration('2026-03-23T06:00:00.000Z')).toEqual(['2026-03-26T04:00:00.000Z', '2026-03-26']); // Nauryz
    expect(registration('2027-01-01T05:00:00.000Z')).toEqual(['2027-01-05T04:00:00.000Z', '2027-01-05']); // New Year
    // Friday 20 March at 19:00, before Nauryz.
    expect(registration('2026-03-20T14:00:00.000Z')).toEqual(['2026-03-26T04:00:00.000Z', '2026-03-26']);
  });

  it('registers at once what arrives during hours on a weekend day made working', () => {
    expect(registration('2025-01-05T05:00:00.000Z')).toEqual(['2025-01-05T05:00:00.000Z', '2025-01-05']);
  });
});

describe('WorkingCalendar: deadlines in working days', () => {
  it('ends a 15-working-day term across Nauryz 2026 at 18:00 on 10 April', () => {
    const registeredAt = at('2026-03-17T05:00:00Z'); // Tuesday 10:00
    expect(iso(almaty.deadlineAfterWorkingDays(registeredAt, 15))).toBe('2026-04-10T13:00:00.000Z');
  });

  it('ends a 15-working-day term across New Year 2027 at 18:00 on 20 January', () => {
    const registeredAt = at('2026-12-25T06:00:00Z'); // Friday 11:00
    expect(iso(almaty.deadlineAfterWorkingDays(registeredAt, 15))).toBe('2027-01-20T13:00:00.000Z');
  });

  it('counts the Sunday made working across New Year 2025', () => {
    const registeredAt = at('2024-12-30T05:00:00Z'); // Monday 10:00
    // 31 Dec, Sunday 5 Jan (working), Monday 6 Jan.
    expect(iso(almaty.deadlineAfterWorkingDays(registeredAt, 3))).toBe('2025-01-06T13:00:00.000Z');
  });

  it('ends a 3-working-day forwarding term past the May holidays', () => {
    const registeredAt = at('2026-05-06T10:00:00Z'); // Wednesday 15:00
    // 7 May holiday, 8 May (1), 9 May Saturday holiday, 11 May moved day off, 12 (2), 13 (3).
    expect(iso(almaty.deadlineAfterWorkingDays(registeredAt, 3))).toBe('2026-05-13T13:00:00.000Z');
  });

  it('counts from the registration day, not the arrival day, when an appeal arrives after hours', () => {
    const receivedAt = at('2026-03-17T14:00:00Z'); // Tuesday 19:00, registered Wednesday
    const { registeredAt } = almaty.registration(receivedAt);
    expect(iso(almaty.deadlineAfterWorkingDays(receivedAt, 15))).toBe('2026-04-13T13:00:00.000Z');
    expect(iso(almaty.deadlineAfterWorkingDays(registeredAt, 15))).toBe('2026-04-13T13:00:00.000Z');
  });

  it('ends a zero-day term at close of business of the registration day', () => {
    expect(iso(almaty.deadlineAfterWorkingDays(at('2026-04-10T05:00:00Z'), 0))).toBe('2026-04-10T13:00:00.000Z');
  });

  it('counts a Saturday an admin made working', () => {
    const withWorkingSaturday = new WorkingCalendar([{ date: '2026-06-13', kind: 'working_day' }]);
    const fridayMorning = at('2026-06-12T05:00:00Z');
    expect(iso(withWorkingSaturday.deadlineAfterWorkingDays(fridayMorning, 1))).toBe('2026-06-13T13:00:00.000Z');
    expect(iso(new WorkingCalendar().deadlineAfterWorkingDays(fridayMorning, 1))).toBe('2026-06-15T13:00:00.000Z');
  });

  it('honours other working hours', () => {
    const longDay = new WorkingCalendar([], { workdayStart: '08:30', workdayEnd: '19:00' });
    expect(iso(longDay.deadlineAfterWorkingDays(at('2026-04-10T05:00:00Z'), 1))).toBe('2026-04-13T14:00:00.000Z');
    const fridayAt1830 = at('2026-04-10T13:30:00Z');
    expect(iso(longDay.registration(fridayAt1830).registeredAt)).toBe('2026-04-10T13:30:00.000Z');
    expect(longDay.workingDayMillis).toBe(10.5 * HOUR);
  });
});

describe('WorkingCalendar: working hours', () => {
  it('adds working hours over a weekend', () => {
    const fridayAt1600 = at('2026-04-10T11:00:00Z');
    expect(iso(almaty.addWorkingHours(fridayAt1600, 4))).toBe('2026-04-13T06:00:00.000Z'); // Monday 11:00
  });

  it('ends at 18:00 rather than 09:00 next day when the hours run out at close of business', () => {
    expect(iso(almaty.addWorkingHours(at('2026-04-10T11:00:00Z'), 2))).toBe('2026-04-10T13:00:00.000Z');
  });

  it('starts counting at the next opening when it starts outside working hours', () => {
    expect(iso(almaty.addWorkingHours(at('2026-04-11T07:00:00Z'), 1))).toBe('2026-04-13T05:00:00.000Z'); // Saturday
    expect(iso(almaty.addWorkingHours(at('2026-04-13T02:00:00Z'), 9))).toBe('2026-04-13T13:00:00.000Z'); // 07:00
  });

  it('skips Nauryz', () => {
    const fridayAt1700 = at('2026-03-20T12:00:00Z');
    expect(iso(almaty.addWorkingHours(fridayAt1700, 1.5))).toBe('2026-03-26T04:30:00.000Z');
  });

  it('returns the start itself for zero hours', () => {
    expect(iso(almaty.addWorkingHours(at('2026-04-11T07:00:00Z'), 0))).toBe('2026-04-11T07:00:00.000Z');
  });

  it('measures working time between two instants', () => {
    const fridayAt1700 = at('2026-04-10T12:00:00Z');
    const mondayAt1000 = at('2026-04-13T05:00:00Z');
    expect(almaty.workingMillisBetween(fridayAt1700, mondayAt1000)).toBe(2 * HOUR);
    expect(almaty.workingMillisBetween(mondayAt1000, fridayAt1700)).toBe(-2 * HOUR);
    expect(almaty.workingMillisBetween(at('2026-04-11T05:00:00Z'), at('2026-04-12T05:00:00Z'))).toBe(0);
    // Friday 20 March 09:00 to Thursday 26 March 18:00: Nauryz leaves two working days.
    expect(almaty.workingMillisBetween(at('2026-03-20T04:00:00Z'), at('2026-03-26T13:00:00Z'))).toBe(18 * HOUR);
  });

  it('measures back exactly what it added', () => {
    const from = at('2026-03-19T08:17:00Z');
    expect(almaty.workingMillisBetween(from, almaty.addWorkingHours(from, 37))).toBe(37 * HOUR);
  });
});

describe('WorkingCalendar: other time zones', () => {
  const moscow = new WorkingCalendar([], { timeZone: 'Europe/Moscow' });

  it('reads dates and wall times at UTC+3 in Europe/Moscow', () => {
    const at2030Z = at('2026-04-10T20:30:00Z');
    expect(moscow.localDate(at2030Z)).toBe('2026-04-10'); // 23:30 in Moscow
    expect(almaty.localDate(at2030Z)).toBe('2026-04-11'); // 01:30 in Almaty
    expect(iso(moscow.localDateTime('2026-04-16', '18:00'))).toBe('2026-04-16T15:00:00.000Z');
  });

  it('registers and counts deadlines on Moscow time', () => {
    const fridayAt1830 = at('2026-04-10T15:30:00Z');
    expect(iso(moscow.registration(fridayAt1830).registeredAt)).toBe('2026-04-13T06:00:00.000Z');
    expect(iso(moscow.registration(at('2026-04-10T14:30:00Z')).registeredAt)).toBe('2026-04-10T14:30:00.000Z'); // 17:30
    const mondayAt1000 = at('2026-04-13T07:00:00Z');
    expect(iso(moscow.deadlineAfterWorkingDays(mondayAt1000, 3))).toBe('2026-04-16T15:00:00.000Z');
  });

  it('follows daylight saving time in Europe/Berlin', () => {
    const berlin = new WorkingCalendar([], { timeZone: 'Europe/Berlin' });
    expect(iso(berlin.localDateTime('2026-03-27', '18:00'))).toBe('2026-03-27T17:00:00.000Z'); // CET
    expect(iso(berlin.localDateTime('2026-03-30', '18:00'))).toBe('2026-03-30T16:00:00.000Z'); // CEST
    // 02:30 does not exist on 29 March 2026; it comes out one hour later, at 03:30 CEST.
    expect(iso(berlin.localDateTime('2026-03-29', '02:30'))).toBe('2026-03-29T01:30:00.000Z');
    const fridayAt0900 = at('2026-03-27T08:00:00Z');
    expect(berlin.workingMillisBetween(fridayAt0900, at('2026-03-30T16:00:00Z'))).toBe(18 * HOUR);
  });

  it('reads local dates right in every minute around an offset change, asked in any order', () => {
    // Almaty moved from UTC+6 to UTC+5 at midnight on 1 March 2024; Adelaide (+10:30/+9:30) changes on the half hour.
    for (const [zone, change, before, after] of [
      ['Asia/Almaty', '2024-02-29T18:00:00Z', 6, 5],
      ['Australia/Adelaide', '2026-04-04T16:30:00Z', 10.5, 9.5],
    ] as const) {
      const calendar = new WorkingCalendar([], { timeZone: zone });
      const minutes = Array.from({ length: 481 }, (_, i) => (i - 240) * 60_000).reverse();
      for (const delta of minutes) {
        const instant = new Date(at(change).getTime() + delta);
        const offsetHours = delta < 0 ? before : after;
        const local = new Date(instant.getTime() + offsetHours * HOUR).toISOString().slice(0, 10);
        expect(`${zone} ${instant.toISOString()} ${calendar.localDate(instant)}`).toBe(
          `${zone} ${instant.toISOString()} ${local}`,
        );
      }
    }
  });
});

describe('WorkingCalendar: input validation', () => {
  it('rejects bad working hours and time zones, naming the option', () => {
    expect(rangeErrorOf(() => new WorkingCalendar([], { workdayStart: '9:00' }))).toBe(
      'workdayStart must be a time as HH:MM from 00:00 to 23:59, got "9:00"',
    );
    expect(rangeErrorOf(() => new WorkingCalendar([], { workdayEnd: '24:00' }))).toMatch(/^workdayEnd must be a time/);
    expect(rangeErrorOf(() => new WorkingCalendar([], { workdayEnd: '12:60' }))).toMatch(/^workdayEnd must be a time/);
    expect(rangeErrorOf(() => new WorkingCalendar([], { workdayStart: '18:00', workdayEnd: '09:00' }))).toBe(
      'workdayEnd (09:00) must be later than workdayStart (18:00)',
    );
    expect(rangeErrorOf(() => new WorkingCalendar([], { workdayStart: '09:00', workdayEnd: '09:00' }))).toBe(
      'workdayEnd (09:00) must be later than workdayStart (09:00)',
    );
    expect(rangeErrorOf(() => new WorkingCalendar([], { timeZone: 'Asia/Nowhere' }))).toBe(
      'timeZone must be an IANA time zone such as Asia/Almaty, got "Asia/Nowhere"',
    );
  });

  it('rejects bad exceptions, naming the entry', () => {
    expect(rangeErrorOf(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday' }]))).toBe(
      'exceptions[0].date must be a real date as YYYY-MM-DD, got "2026-02-30"',
    );
    const unknownKind = [{ date: '2026-02-20', kind: 'weekend' }] as unknown as CalendarException[];
    expect(rangeErrorOf(() => new WorkingCalendar(unknownKind))).toBe(
      'exceptions[0].kind must be one of holiday, day_off, working_day, got "weekend"',
    );
    const conflicting: CalendarException[] = [
      { date: '2026-06-13', kind: 'working_day' },
      { date: '2026-06-13', kind: 'holiday' },
    ];
    expect(rangeErrorOf(() => new WorkingCalendar(conflicting))).toBe(
      'exceptions: 2026-06-13 is listed both as working_day and as holiday',
    );
  });

  it('rejects malformed and impossible dates, naming the argument', () => {
    for (const bad of ['2026-3-1', '2026-13-01', '2026-02-29', '', '2026-03-01T00:00', '20260301']) {
      expect(rangeErrorOf(() => almaty.isWorkingDay(bad))).toBe(`date must be a real date as YYYY-MM-DD, got "${bad}"`);
    }
    expect(almaty.isWorkingDay('2028-02-29')).toBe(true); // a leap day is real
    expect(rangeErrorOf(() => almaty.workingDaysBetween('2026-03-01', 'soon'))).toMatch(/^toDate must be a real date/);
    expect(rangeErrorOf(() => almaty.workingDaysBetween('later', '2026-03-01'))).toMatch(/^fromDate must be a real/);
    expect(rangeErrorOf(() => almaty.localDateTime('2026-03-20', '18:00:00'))).toMatch(/^time must be a time/);
  });

  it('rejects negative or fractional counts and invalid instants, naming the argument', () => {
    const fridayMorning = at('2026-03-20T05:00:00Z');
    expect(rangeErrorOf(() => almaty.addWorkingDays('2026-03-20', -1))).toBe(
      'n must be a whole number of 0 or more, got -1',
    );
    expect(rangeErrorOf(() => almaty.addWorkingDays('2026-03-20', 1.5))).toMatch(/^n must be a whole number/);
    expect(rangeErrorOf(() => almaty.deadlineAfterWorkingDays(fridayMorning, -3))).toMatch(/^n must be a whole/);
    expect(rangeErrorOf(() => almaty.deadlineAfterWorkingDays(at('not a date'), 3))).toBe(
      'registeredAt must be a valid Date, got Invalid Date',
    );
    expect(rangeErrorOf(() => almaty.registration(at('not a date')))).toMatch(/^receivedAt must be a valid Date/);
    expect(rangeErrorOf(() => almaty.addWorkingHours(fridayMorning, -1))).toBe(
      'hours must be a finite number of 0 or more, got -1',
    );
    expect(rangeErrorOf(() => almaty.addWorkingHours(fridayMorning, Number.NaN))).toMatch(/^hours must be/);
    expect(rangeErrorOf(() => almaty.addWorkingMillis(fridayMorning, -1))).toMatch(/^millis must be/);
    expect(rangeErrorOf(() => almaty.workingMillisBetween(fridayMorning, at('x')))).toMatch(/^b must be a valid Date/);
    expect(rangeErrorOf(() => almaty.localDate(at('x')))).toMatch(/^instant must be a valid Date/);
  });
});
