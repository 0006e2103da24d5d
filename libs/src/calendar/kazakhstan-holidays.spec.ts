import { KAZAKHSTAN_CALENDAR_YEARS, kazakhstanCalendarDays } from './kazakhstan-holidays.js';

const datesAndKinds = (year: number) => kazakhstanCalendarDays(year).map(({ date, kind }) => `${date} ${kind}`);

describe('kazakhstanCalendarDays', () => {
  it('gives 2025: weekend holidays moved to Monday/Tuesday and the ordered 5 → 3 January transfer', () => {
    expect(datesAndKinds(2025)).toEqual([
      '2025-01-01 holiday',
      '2025-01-02 holiday',
      '2025-01-03 day_off', // transferred from Sunday 5 January by order
      '2025-01-05 working_day',
      '2025-01-07 holiday',
      '2025-03-08 holiday', // Saturday
      '2025-03-10 day_off',
      '2025-03-21 holiday',
      '2025-03-22 holiday', // Saturday
      '2025-03-23 holiday', // Sunday
      '2025-03-24 day_off',
      '2025-03-25 day_off',
      '2025-05-01 holiday',
      '2025-05-07 holiday',
      '2025-05-09 holiday',
      '2025-06-06 holiday',
      '2025-07-06 holiday', // Sunday
      '2025-07-07 day_off',
      '2025-08-30 holiday', // Saturday
      '2025-09-01 day_off',
      '2025-10-25 holiday', // Saturday
      '2025-10-27 day_off',
      '2025-12-16 holiday',
    ]);
  });

  it('gives 2026: Nauryz on Sat–Mon moves its two weekend days past the Monday holiday to 24–25 March', () => {
    expect(datesAndKinds(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-07 holiday',
      '2026-03-08 holiday', // Sunday
      '2026-03-09 day_off',
      '2026-03-21 holiday', // Saturday
      '2026-03-22 holiday', // Sunday
      '2026-03-23 holiday', // Monday, itself a holiday, so the moved days go further
      '2026-03-24 day_off',
      '2026-03-25 day_off',
      '2026-05-01 holiday',
      '2026-05-07 holiday',
      '2026-05-09 holiday', // Saturday
      '2026-05-11 day_off',
      '2026-05-27 holiday',
      '2026-07-06 holiday',
      '2026-08-30 holiday', // Sunday
      '2026-08-31 day_off',
      '2026-10-25 holiday', // Sunday
      '2026-10-26 day_off',
      '2026-12-16 holiday',
    ]);
  });

  it('gives 2027: 2 January on Saturday moves to Monday 4 January; Kurban Ait on Sunday does not move', () => {
    expect(datesAndKinds(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-01-02 holiday', // Saturday
      '2027-01-04 day_off',
      '2027-01-07 holiday',
      '2027-03-08 holiday',
      '2027-03-21 holiday', // Sunday; 22 and 23 are holidays, so the day off is Wednesday
      '2027-03-22 holiday',
      '2027-03-23 holiday',
      '2027-03-24 day_off',
      '2027-05-01 holiday', // Saturday
      '2027-05-03 day_off',
      '2027-05-07 holiday',
      '2027-05-09 holiday', // Sunday
      '2027-05-10 day_off',
      '2027-05-16 holiday', // Kurban Ait, Sunday: religious, no day off moved
      '2027-07-06 holiday',
      '2027-08-30 holiday',
      '2027-10-25 holiday',
      '2027-12-16 holiday',
    ]);
  });

  it('never moves Orthodox Christmas or Kurban Ait, even on a weekend', () => {
    const dayOffNames = KAZAKHSTAN_CALENDAR_YEARS.flatMap((year) =>
      kazakhstanCalendarDays(year)
        .filter((entry) => entry.kind === 'day_off')
        .map((entry) => entry.name.en),
    );
    expect(dayOffNames.some((name) => /Christmas|Kurban/.test(name))).toBe(false);
    expect(new Date('2027-05-16T00:00:00Z').getUTCDay()).toBe(0);
  });

  it('names every day in Kazakh, Russian and English', () => {
    const [nauryz] = kazakhstanCalendarDays(2026).filter((entry) => entry.date === '2026-03-21');
    expect(nauryz.name).toEqual({ kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' });
    const movedNauryz = kazakhstanCalendarDays(2026).find((entry) => entry.date === '2026-03-24');
    expect(movedNauryz?.name).toEqual({
      kk: 'Наурыз мейрамы: ауыстырылған демалыс күні',
      ru: 'Наурыз мейрамы: перенесённый выходной',
      en: 'Nauryz: day off moved from the weekend',
    });
    const workingSunday = kazakhstanCalendarDays(2025).find((entry) => entry.date === '2025-01-05');
    expect(workingSunday?.name.ru).toBe('Рабочий день в счёт перенесённого выходного');
    for (const year of KAZAKHSTAN_CALENDAR_YEARS) {
      for (const { name } of kazakhstanCalendarDays(year)) {
        expect([name.kk, name.ru, name.en].every((text) => text.trim().length > 0)).toBe(true);
      }
    }
  });

  it('lists each date once', () => {
    for (const year of KAZAKHSTAN_CALENDAR_YEARS) {
      const dates = kazakhstanCalendarDays(year).map((entry) => entry.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('refuses a year it has no data for, since days off are moved by order every year', () => {
    expect(() => kazakhstanCalendarDays(2024)).toThrow(RangeError);
    expect(() => kazakhstanCalendarDays(2028)).toThrow(
      'year: the Kazakhstan calendar is seeded for 2025, 2026, 2027 only, got 2028',
    );
  });
});
