import { parse } from 'csv-parse/sync';
import { TENGE_PRICE } from '@adaldesk/libs';
import { AppError } from '../../core/errors/app-error.js';
import { MAX_YEAR, MIN_YEAR, parseCivilDate } from '../../core/validation/dates.js';

/**
 * Reading a day's prices from a CSV file as spreadsheets in Kazakhstan write them: UTF-8 with or
 * without a byte-order mark (or the older Windows-1251 export), `;` or `,` between fields, a decimal
 * comma, dates as `2026-11-24` or `24.11.2026` with an optional time.
 */

/** The columns of an import; `unit` and `market` (with an inspection given) may be left out. */
export const PRICE_CSV_COLUMNS = ['product', 'market', 'price', 'observed_at', 'unit'] as const;
export type PriceCsvColumn = (typeof PRICE_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly PriceCsvColumn[] = ['product', 'price', 'observed_at'];

export const PRICE_CSV_MAX_BYTES = 2 * 1024 * 1024;

/** One data row: its line in the file (the header is row 1) and its cells by column. */
export interface PriceCsvRow {
  row: number;
  cells: Partial<Record<PriceCsvColumn, string>>;
}

export interface PriceCsv {
  delimiter: ';' | ',';
  rows: PriceCsvRow[];
  /** Header names that are not columns of an import; their cells are not read. */
  ignoredColumns: string[];
}

/** Parses the file, or answers 400 when it is not a CSV of prices at all. */
export function readPriceCsv(bytes: Buffer, maxRows: number): PriceCsv {
  const text = decode(bytes);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // The header holds no decimals, so whichever separator it uses is the file's.
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw fileProblem(`is not a readable CSV file (${(error as Error).message})`);
  }
  const [headerRecord, ...data] = records.filter(({ record }) => record.some((cell) => cell !== ''));
  const header = headerRecord?.record;
  if (!header) throw fileProblem('is empty: it needs a header row and one row per price');
  const names = header.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw fileProblem(
      `lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        `the header must name ${PRICE_CSV_COLUMNS.join(', ')} (unit and market may be left out)`,
    );
  }
  if (data.length > maxRows) throw fileProblem(`has more than ${maxRows} rows; split it`);
  const columns = names.map((name) => ((PRICE_CSV_COLUMNS as readonly string[]).includes(name) ? name : null));
  return {
    delimiter,
    ignoredColumns: header.filter((_, index) => columns[index] === null),
    // Row numbers as a spreadsheet shows them: the line of the file the record ends on.
    rows: data.map(({ record, info }) => ({
      row: info.lines,
      cells: Object.fromEntries(
        columns.flatMap((column, at) => (column && record[at] !== undefined ? [[column, record[at]]] : [])),
      ) as PriceCsvRow['cells'],
    })),
  };
}

/** A price cell as an exact decimal string, or why it is not one. */
export function parsePriceCell(raw: string): { price: string } | { problem: string } {
  // Spaces (also no-break ones) group thousands in "1 250,50".
  const text = raw.replace(/[\s\u00A0\u202F]/g, '');
  if (text === '') return { problem: 'is required' };
  if (/^-/.test(text)) return { problem: `"${raw}" is negative; a price must be above 0` };
  const decimal = text.includes(',') && !text.includes('.') && count(text, ',') === 1 ? text.replace(',', '.') : text;
  if (!/^\d+(\.\d+)?$/.test(decimal)) {
    return { problem: `"${raw}" is not a price: use digits with one decimal point or comma (e.g. 489,90)` };
  }
  if (/\.\d{3,}$/.test(decimal)) return { problem: `"${raw}" has more than 2 decimals` };
  if (!TENGE_PRICE.test(decimal)) {
    return Number(decimal) === 0
      ? { problem: `"${raw}" is zero; a price must be above 0` }
      : { problem: `"${raw}" is too large for a price` };
  }
  return { price: decimal.replace(/^0+(?=\d)/, '') };
}

/**
 * An `observed_at` cell as a local civil date and time of day: `2026-11-24`, `24.11.2026`, either with
 * ` 10:30` or `T10:30[:00]`; or an ISO 8601 instant with its offset. A date alone is the day's start.
 */
export function parseObservedAtCell(
  raw: string,
): { date: string; time: string } | { instant: Date } | { problem: string } {
  const text = raw.trim();
  if (text === '') return { problem: 'is required' };
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && /T/.test(text)) {
    const instant = new Date(text);
    const year = instant.getUTCFullYear();
    return Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR
      ? { problem: `"${raw}" is not a date between ${MIN_YEAR} and ${MAX_YEAR}` }
      : { instant };
  }
  const match = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4}))(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text,
  );
  if (!match) return { problem: `"${raw}" is not a date: use 2026-11-24 or 24.11.2026, with an optional time 10:30` };
  const [year, month, day] = match[1] ? [match[1], match[2], match[3]] : [match[6], match[5], match[4]];
  const date = `${year}-${month}-${day}`;
  if (Number(year) < MIN_YEAR || Number(year) > MAX_YEAR) {
    return { problem: `"${raw}" is not a date between ${MIN_YEAR} and ${MAX_YEAR}` };
  }
  if (parseCivilDate(date) === null) return { problem: `"${raw}" is not a date that exists` };
  const hour = Number(match[7] ?? 0);
  const minute = Number(match[8] ?? 0);
  if (hour > 23 || minute > 59 || Number(match[9] ?? 0) > 59) return { problem: `"${raw}" has an impossible time` };
  return { date, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

function decode(bytes: Buffer): string {
  if (bytes.length === 0) throw fileProblem('is empty: it needs a header row and one row per price');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw fileProblem('is a spreadsheet workbook (.xlsx), not CSV: save it as "CSV UTF-8" and upload that');
  }
  if (bytes.includes(0)) throw fileProblem('is not a CSV file: it holds binary data');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Excel versions export "CSV" in the Windows code page for Cyrillic.
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

const count = (text: string, character: string) => text.split(character).length - 1;

const fileProblem = (message: string) => AppError.validation([{ field: 'file', message }]);
