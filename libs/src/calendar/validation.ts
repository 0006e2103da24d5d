/** Input checks shared by the calendar and the SLA clock; each names the argument it rejects. */

export function assertInstant(value: Date, argumentName: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${argumentName} must be a valid Date, got ${String(value)}`);
  }
}

export function assertWholeNumber(value: number, argumentName: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${argumentName} must be a whole number of 0 or more, got ${value}`);
  }
}

export function assertNonNegative(value: number, argumentName: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${argumentName} must be a finite number of 0 or more, got ${value}`);
  }
}
