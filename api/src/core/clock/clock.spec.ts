import { PinnedClock, SystemClock } from './clock.js';

describe('PinnedClock', () => {
  let machine = 1_000_000;
  const clock = () => new PinnedClock(new Date('2026-12-31T17:59:00Z'), () => machine);

  test('starts at the pinned instant and runs at the machine pace', () => {
    const pinned = clock();
    expect(pinned.now().toISOString()).toBe('2026-12-31T17:59:00.000Z');
    machine += 90_000;
    expect(pinned.now().toISOString()).toBe('2026-12-31T18:00:30.000Z');
  });

  test('is moved by set and advance', () => {
    const pinned = clock();
    pinned.advance(86_400_000);
    expect(pinned.now().toISOString()).toBe('2027-01-01T17:59:00.000Z');
    pinned.set(new Date('2028-02-29T06:00:00Z'));
    expect(pinned.now().toISOString()).toBe('2028-02-29T06:00:00.000Z');
  });
});

test('SystemClock reads the machine time', () => {
  const before = Date.now();
  const now = new SystemClock().now().getTime();
  expect(now).toBeGreaterThanOrEqual(before);
  expect(now).toBeLessThanOrEqual(Date.now());
});
