import { parseCivilDate, parseInstant } from './dates.js';

describe('parseCivilDate', () => {
  test.each(['2026-02-28', '2024-02-29', '1900-01-01', '2200-12-31'])('takes %s', (value) => {
    expect(parseCivilDate(value)).toBe(value);
  });

  test.each([
    '2026-02-30', // JavaScript rolls it over to March; PostgreSQL refuses it
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01', // no year 0 in PostgreSQL
    '1899-12-31',
    '2201-01-01',
    '9999-12-31',
    '+275760-09-13',
    '1 1',
    '2026-1-1',
    '',
  ])('refuses %j', (value) => {
    expect(parseCivilDate(value)).toBeNull();
  });

  test('refuses what is not text', () => {
    for (const value of [20260101, null, undefined, ['2026-01-01'], { date: '2026-01-01' }]) {
      expect(parseCivilDate(value)).toBeNull();
    }
  });
});

describe('parseInstant', () => {
  test.each([
    ['2026-03-10T09:30:00Z', '2026-03-10T09:30:00.000Z'],
    ['2026-03-10T09:30:00.123+05:00', '2026-03-10T04:30:00.123Z'],
    ['2026-03-10T09:30:00+0500', '2026-03-10T04:30:00.000Z'],
    ['2026-03-10', '2026-03-10T00:00:00.000Z'],
  ])('takes %s', (value, iso) => {
    expect(parseInstant(value)?.toISOString()).toBe(iso);
  });

  test.each([
    '2026-02-30T10:00:00Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '1 1',
    '2026-03-10T24:00:00Z',
    '2026-03-10T10:60:00Z',
    '2026-03-10T10:00:00+25:00',
    'tomorrow',
    '',
  ])('refuses %j', (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});
