/**
 * The one source of the present for the application. Domain code asks `clock.now()` and passes the
 * instant to SQL as a parameter, never `new Date()`, `Date.now()` or PostgreSQL's `now()`: a test pins
 * the clock, so the suite behaves the same on a Saturday, on 31 December or on a holiday.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's time: what production runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock pinned to an instant that then runs at the machine's pace, so delayed jobs and timeouts
 * still fire; `set` and `advance` move it, for a test that drives time instead of waiting.
 */
export class PinnedClock extends Clock {
  private offsetMillis: number;

  constructor(
    start: Date,
    private readonly machineMillis: () => number = () => Date.now(),
  ) {
    super();
    this.offsetMillis = start.getTime() - machineMillis();
  }

  now(): Date {
    return new Date(this.machineMillis() + this.offsetMillis);
  }

  set(instant: Date): void {
    this.offsetMillis = instant.getTime() - this.machineMillis();
  }

  advance(millis: number): void {
    this.offsetMillis += millis;
  }
}
