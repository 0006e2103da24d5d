import type { ReportLabels } from './report-labels.js';

/** Groups digits by three: a thin space that never breaks a number across lines (U+202F). */
export const DIGIT_GROUP_SEPARATOR = '\u202F';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** An integer count, its digits grouped: `3 500 000`. */
export function formatCount(count: number): string {
  return groupDigits(String(Math.trunc(count)));
}

/**
 * An exact decimal string from the database (tenge to the tiyn) written for people, digits grouped
 * and the language's decimal separator, without ever passing through a float: `45 000 000,05`.
 */
export function formatTenge(amount: string, labels: ReportLabels): string {
  const parts = DECIMAL.exec(amount);
  if (!parts) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole, fraction] = parts;
  return `${sign}${groupDigits(whole)}${fraction === undefined ? '' : `${labels.decimalSeparator}${fraction}`}`;
}

/** A ratio (0..1) as a percentage with one decimal; a dash when there is nothing to divide. */
export function formatPercent(ratio: number | null, labels: ReportLabels): string {
  if (ratio === null) return '—';
  return `${(ratio * 100).toFixed(1).replace('.', labels.decimalSeparator)}${labels.percentSign}`;
}

/** A number of days that may be a half (a median of an even count); a dash when there is none. */
export function formatDays(days: number | null, labels: ReportLabels): string {
  if (days === null) return '—';
  return String(days).replace('.', labels.decimalSeparator);
}

/** A month `YYYY-MM` by name, in the language: `March 2026`, `март 2026 г.`. */
export function formatMonth(month: string, labels: ReportLabels): string {
  const name = new Intl.DateTimeFormat(labels.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  return name.charAt(0).toLocaleUpperCase(labels.locale) + name.slice(1);
}

/** An instant as the office's wall-clock date and time, with the time zone named. */
export function formatInstant(instant: Date, timeZone: string, labels: ReportLabels): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${labels.date(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}:${parts.minute} (${timeZone})`;
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, DIGIT_GROUP_SEPARATOR);
}
