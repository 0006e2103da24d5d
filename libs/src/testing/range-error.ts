/** The message of the RangeError `action` throws; fails the test if it throws nothing else. */
export function rangeErrorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return (error as RangeError).message;
  }
  throw new Error('expected a RangeError, but nothing was thrown');
}
