import { formatCount, formatDays, formatInstant, formatMonth, formatPercent, formatTenge } from './report-format.js';
import { REPORT_LABELS } from './report-labels.js';

const { en, kk, ru } = REPORT_LABELS;
const NNBSP = '\u202F';

describe('report formatting', () => {
  it('groups digits with a thin no-break space', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(3_500_000)).toBe(`3${NNBSP}500${NNBSP}000`);
  });

  it('writes tenge from the exact decimal string, never through a float', () => {
    // 2^53 + 1 is not a float: a round trip through Number would print ...992.
    expect(formatTenge('9007199254740993.01', ru)).toBe(`9${NNBSP}007${NNBSP}199${NNBSP}254${NNBSP}740${NNBSP}993,01`);
    expect(formatTenge('45000000.05', en)).toBe(`45${NNBSP}000${NNBSP}000.05`);
    expect(formatTenge('0.00', kk)).toBe('0,00');
    expect(formatTenge('-1234.5', en)).toBe(`-1${NNBSP}234.5`);
    expect(() => formatTenge('1e9', en)).toThrow(/not a decimal/);
  });

  it('writes rates as percentages and days with the language’s separator, a dash for none', () => {
    expect(formatPercent(0.8, en)).toBe('80.0%');
    expect(formatPercent(0.6667, ru)).toBe(`66,7${NNBSP}%`);
    expect(formatPercent(null, kk)).toBe('—');
    expect(formatDays(4.5, kk)).toBe('4,5');
    expect(formatDays(4, en)).toBe('4');
    expect(formatDays(null, en)).toBe('—');
  });

  it('names months and dates as each language writes them, in the office time zone', () => {
    expect(formatMonth('2026-03', en)).toBe('March 2026');
    expect(formatMonth('2026-03', ru)).toMatch(/^Март 2026/);
    expect(formatMonth('2026-03', kk)).toMatch(/наурыз/);
    // 19:30 UTC on 24 November is 00:30 on the 25th in Almaty (UTC+5).
    const instant = new Date('2026-11-24T19:30:00Z');
    expect(formatInstant(instant, 'Asia/Almaty', en)).toBe('2026-11-25 00:30 (Asia/Almaty)');
    expect(formatInstant(instant, 'Asia/Almaty', kk)).toBe('25.11.2026 00:30 (Asia/Almaty)');
  });
});
