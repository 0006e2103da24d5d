import { formatCivilDate, isWeekend, parseCivilDate } from './civil-date.js';
import type { CalendarException } from './working-calendar.js';

export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

/** One seeded row of the `calendar-days` resource. */
export interface CalendarDayEntry extends CalendarException {
  name: LocalizedName;
}

/** Years whose Kazakhstan calendar is seeded; later years are entered by an admin once decided. */
export const KAZAKHSTAN_CALENDAR_YEARS = [2025, 2026, 2027] as const;
export type KazakhstanCalendarYear = (typeof KAZAKHSTAN_CALENDAR_YEARS)[number];

interface FixedHoliday {
  month: number;
  day: number;
  name: LocalizedName;
}

const NEW_YEAR: LocalizedName = { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' };
const NAURYZ: LocalizedName = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' };

/**
 * State holidays under the Law "On holidays in the Republic of Kazakhstan": non-working, and when one
 * falls on a Saturday or Sunday the next working day is a day off.
 */
const STATE_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: NEW_YEAR },
  { month: 1, day: 2, name: NEW_YEAR },
  {
    month: 3,
    day: 8,
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
  },
  { month: 3, day: 21, name: NAURYZ },
  { month: 3, day: 22, name: NAURYZ },
  { month: 3, day: 23, name: NAURYZ },
  {
    month: 5,
    day: 1,
    name: {
      kk: 'Қазақстан халқының бірлігі мерекесі',
      ru: 'Праздник единства народа Казахстана',
      en: "Kazakhstan People's Unity Day",
    },
  },
  {
    month: 5,
    day: 7,
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
  },
  { month: 5, day: 9, name: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' } },
  { month: 7, day: 6, name: { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' } },
  {
    month: 8,
    day: 30,
    name: { kk: 'Конституция күні', ru: 'День Конституции Республики Казахстан', en: 'Constitution Day' },
  },
  { month: 10, day: 25, name: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' } },
  { month: 12, day: 16, name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' } },
];

/** Religious days off: non-working, but never moved off a weekend. */
const ORTHODOX_CHRISTMAS: FixedHoliday = {
  month: 1,
  day: 7,
  name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
};
const KURBAN_AIT: LocalizedName = { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' };

/** The first day of Kurban Ait follows the lunar calendar and is announced each year. */
const KURBAN_AIT_FIRST_DAY: Record<KazakhstanCalendarYear, string> = {
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
};

interface DayOffTransfer {
  /** The weekend day that becomes a working day. */
  workingDay: string;
  /** The weekday that becomes a day off instead. */
  dayOff: string;
}

/**
 * Transfers ordered under Labour Code art. 85(3). Until 2023 they were decrees of the Government of RK;
 * since 2024 they are orders of the Minister of Labour and Social Protection of RK.
 */
const ORDERED_TRANSFERS: Record<KazakhstanCalendarYear, readonly DayOffTransfer[]> = {
  // Order of the Minister of Labour and Social Protection of RK of 21 November 2024: the day off of
  // Sunday 5 January 2025 moves to Friday 3 January 2025. The ministry announced no other for 2025.
  2025: [{ workingDay: '2025-01-05', dayOff: '2025-01-03' }],
  // None: the 2026 calendar published by the ministry has only the statutory weekend moves.
  2026: [],
  // None known yet: transfers for 2027 are ordered late in 2026; an admin adds them in the product.
  2027: [],
};

const TRANSFERRED_DAY_OFF: LocalizedName = {
  kk: 'Ауыстырылған демалыс күні',
  ru: 'Перенесённый выходной день',
  en: 'Transferred day off',
};
const WORKING_DAY_FOR_TRANSFER: LocalizedName = {
  kk: 'Ауыстырылған демалыс күнінің орнына жұмыс күні',
  ru: 'Рабочий день в счёт перенесённого выходного',
  en: 'Working day in exchange for a transferred day off',
};

/**
 * Kazakhstan's exceptions to the Monday–Friday week for one year: the non-working holidays, the day
 * off each state holiday on a Saturday or Sunday moves to (the next working day not already off), and
 * the transfers ordered for that year. Sorted by date.
 */
export function kazakhstanCalendarDays(year: number): CalendarDayEntry[] {
  if (!isSeededYear(year)) {
    throw new RangeError(
      `year: the Kazakhstan calendar is seeded for ${KAZAKHSTAN_CALENDAR_YEARS.join(', ')} only, got ${year}; ` +
        'days off are moved by order every year, so an admin enters later years',
    );
  }
  const stateHolidays = STATE_HOLIDAYS.map((holiday) => ({ day: epochDayOf(year, holiday), name: holiday.name }));
  const religiousHolidays = [
    { day: epochDayOf(year, ORTHODOX_CHRISTMAS), name: ORTHODOX_CHRISTMAS.name },
    { day: parseCivilDate(KURBAN_AIT_FIRST_DAY[year], 'Kurban Ait'), name: KURBAN_AIT },
  ];
  const offDays = new Set([...stateHolidays, ...religiousHolidays].map((holiday) => holiday.day));

  const entries: CalendarDayEntry[] = [...stateHolidays, ...religiousHolidays].map((holiday) => ({
    date: formatCivilDate(holiday.day),
    kind: 'holiday',
    name: holiday.name,
  }));
  for (const holiday of stateHolidays) {
    if (!isWeekend(holiday.day)) continue;
    let movedTo = holiday.day + 1;
    while (isWeekend(movedTo) || offDays.has(movedTo)) movedTo++;
    offDays.add(movedTo);
    entries.push({ date: formatCivilDate(movedTo), kind: 'day_off', name: movedDayOffName(holiday.name) });
  }
  for (const transfer of ORDERED_TRANSFERS[year]) {
    entries.push({ date: transfer.dayOff, kind: 'day_off', name: TRANSFERRED_DAY_OFF });
    entries.push({ date: transfer.workingDay, kind: 'working_day', name: WORKING_DAY_FOR_TRANSFER });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

function isSeededYear(year: number): year is KazakhstanCalendarYear {
  return (KAZAKHSTAN_CALENDAR_YEARS as readonly number[]).includes(year);
}

function epochDayOf(year: number, holiday: FixedHoliday): number {
  const date = `${year}-${String(holiday.month).padStart(2, '0')}-${String(holiday.day).padStart(2, '0')}`;
  return parseCivilDate(date, 'holiday');
}

function movedDayOffName(holiday: LocalizedName): LocalizedName {
  return {
    kk: `${holiday.kk}: ауыстырылған демалыс күні`,
    ru: `${holiday.ru}: перенесённый выходной`,
    en: `${holiday.en}: day off moved from the weekend`,
  };
}
