/** Thrown by `withTimeout` when the work did not settle in time. */
export class TimeoutError extends Error {
  constructor(what: string, millis: number) {
    super(`${what} did not answer within ${millis} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * `work`, or a `TimeoutError` after `millis`. The work itself goes on (a promise cannot be cancelled):
 * this bounds how long the caller waits on a dependency that does not answer, not what it costs.
 */
export function withTimeout<T>(work: Promise<T>, millis: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, millis)), millis);
    timer.unref();
  });
  // A late failure of the abandoned work must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
