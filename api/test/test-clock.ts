import { PinnedClock } from '../src/core/clock/clock.js';

/**
 * The run's present. `TEST_NOW` pins it (an ISO instant, or `now` for the machine's time); the global
 * setup records when it was pinned, so every test file and every app it starts reads the same clock,
 * running at the machine's pace from that instant.
 */
export function testClock(): PinnedClock {
  const pinned = process.env.TEST_NOW;
  const anchor = Number(process.env.TEST_CLOCK_ANCHOR);
  if (!pinned || !Number.isFinite(anchor)) {
    throw new Error('TEST_NOW is not set: run the tests through jest (globalSetup)');
  }
  return new PinnedClock(new Date(Date.parse(pinned) + (Date.now() - anchor)));
}

/** The run's present, right now. */
export const testNow = (): Date => testClock().now();

/** The run's present as an SQL literal, for fixtures' statements in place of PostgreSQL's `now()`. */
export const sqlNow = (): string => `'${testNow().toISOString()}'::timestamptz`;
