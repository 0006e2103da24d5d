/**
 * Pure helpers of the dashboard: the period presets, the list each figure opens (with exactly the
 * filter the API counted it by) and the CSV of a panel. Tested without a browser.
 */
import {
  APPEAL_STATUSES,
  DECIDED_APPEAL_STATUSES,
  FAVOURABLE_OUTCOMES,
  RESOLVED_APPEAL_STATUSES,
} from '@adaldesk/libs';
import { instantRange } from '../officeTime';

/** Statuses of an appeal still being worked on: the backlog. */
export const OPEN_APPEAL_STATUSES = APPEAL_STATUSES.filter((status) => !DECIDED_APPEAL_STATUSES.includes(status));

/** A list route of the admin with `filter`; the filters named are shown, so the user sees and can clear them. */
export function listLink(resource: string, filter: Record<string, unknown>): string {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
  const displayed = Object.fromEntries(Object.keys(clean).map((name) => [name, true]));
  const query = new URLSearchParams({
    filter: JSON.stringify(clean),
    displayedFilters: JSON.stringify(displayed),
  });
  return `/${resource}?${query}`;
}

/** The appeal lists behind the dashboard's figures for one period and region (and one key of a breakdown). */
export function appealLinks(
  { from, to, regionId, timeZone }: { from: string; to: string; regionId?: string | null; timeZone: string },
  key: Record<string, unknown> = {},
) {
  const period = instantRange(from, to, timeZone);
  const base = { ...(regionId ? { regionId } : {}), ...key };
  const decided = {
    ...base,
    status: [...RESOLVED_APPEAL_STATUSES],
    decidedAt_gte: period.gte,
    decidedAt_lte: period.lte,
  };
  return {
    received: listLink('appeals', { ...base, receivedAt_gte: period.gte, receivedAt_lte: period.lte }),
    decided: listLink('appeals', decided),
    favourable: listLink('appeals', { ...decided, outcome: [...FAVOURABLE_OUTCOMES] }),
    decidedOnTime: listLink('appeals', { ...decided, slaState: 'met' }),
    forwarded: listLink('appeals', {
      ...base,
      status: ['forwarded'],
      decidedAt_gte: period.gte,
      decidedAt_lte: period.lte,
    }),
    open: listLink('appeals', { ...base, status: [...OPEN_APPEAL_STATUSES] }),
    openInState: (slaState: string) => listLink('appeals', { ...base, slaState }),
    backlog: ({
      registeredFrom,
      registeredBefore,
    }: {
      registeredFrom: string | null;
      registeredBefore: string | null;
    }) =>
      listLink('appeals', {
        ...base,
        status: [...OPEN_APPEAL_STATUSES],
        registeredAt_gte: registeredFrom ?? undefined,
        // The API's `_lte` includes the instant; the bucket ends just before `registeredBefore`.
        registeredAt_lte: registeredBefore ? new Date(Date.parse(registeredBefore) - 1).toISOString() : undefined,
      }),
  };
}

/** The list behind a breakdown row's key: which filter of the appeal list a dimension is. */
export const DIMENSION_FILTERS: Record<string, string> = {
  region: 'regionId',
  category: 'categoryId',
  organisation: 'organisationId',
  channel: 'channel',
  assignee: 'assigneeId',
};

/** Today, a month back, the year so far, twelve months: periods of civil dates ending `today`. */
export function periodPresets(
  today: string,
): Record<'month' | 'quarter' | 'year' | 'twelveMonths', { from: string; to: string }> {
  const [year, month] = today.split('-').map(Number);
  const pad = (value: number) => String(value).padStart(2, '0');
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`));
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);
  return {
    month: { from: `${year}-${pad(month)}-01`, to: today },
    quarter: { from: `${year}-${pad(quarterStart)}-01`, to: today },
    year: { from: `${year}-01-01`, to: today },
    twelveMonths: { from: yearAgo.toISOString().slice(0, 10), to: today },
  };
}

type Cell = string | number | null | undefined;

/** RFC 4180 CSV with a BOM (Excel reads it as UTF-8) and CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const quote = (cell: Cell) => {
    const text = cell === null || cell === undefined ? '' : String(cell);
    // A leading = + - @ would be a formula to a spreadsheet: kept as text.
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\ufeff${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** A share as the CSV writes it: a decimal fraction with four places, empty when undefined. */
export const shareCell = (value: number | null): string => (value === null ? '' : value.toFixed(4));

/** A share as the dashboard shows it: a whole percentage with one decimal. */
export const percentText = (value: number | null, locale = 'en'): string =>
  value === null
    ? '—'
    : `${(value * 100).toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-KZ`, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })}%`;
