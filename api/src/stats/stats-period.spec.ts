import type { FieldProblem } from '../core/errors/app-error.js';
import { parsePeriod } from './stats-period.js';

const period = (query: Record<string, unknown>) => {
  const problems: FieldProblem[] = [];
  const parsed = parsePeriod(query, '2026-11-24', problems);
  return { ...parsed, fields: problems.map((problem) => problem.field) };
};

describe('parsePeriod', () => {
  test('twelve months up to today by default', () => {
    expect(period({})).toEqual({ from: '2025-11-25', to: '2026-11-24', fields: [] });
  });

  test('a period of five years is taken', () => {
    expect(period({ from: '2021-11-25', to: '2026-11-24' }).fields).toEqual([]);
  });

  test.each([
    [{ to: '9999-12-31' }, 'to'],
    [{ from: '0000-01-01' }, 'from'],
    [{ to: '+275760-09-13' }, 'to'],
    [{ from: '2026-02-30' }, 'from'],
    [{ from: '1 1' }, 'from'],
    [{ from: ['2026-01-01', '2026-02-01'] }, 'from'],
    [{ from: '2021-11-24', to: '2026-11-24' }, 'from'],
    [{ from: '1900-01-01', to: '2200-12-31' }, 'from'],
  ])('%j is refused naming %s', (query, field) => {
    expect(period(query).fields).toEqual([field]);
  });
});
