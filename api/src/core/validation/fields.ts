import { TENGE_AMOUNT } from '@adaldesk/libs';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { CIVIL_DATE_MESSAGE, INSTANT_MESSAGE, parseCivilDate, parseInstant } from './dates.js';

/** Field decorators the domains' DTOs share. */

export const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

/** Absent, null, or valid by `decorators`. */
export const optional = (...decorators: PropertyDecorator[]) =>
  apply(
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    ...decorators,
  );

export const optionalId = (what: string) => optional(IsUUID('all', { message: `must be ${what} id (UUID)` }));

export const optionalText = (max: number) => optional(IsString(), MaxLength(max));

/** A civil date, `YYYY-MM-DD`, that exists and that PostgreSQL takes (see `dates.ts`). */
export const CivilDate = () =>
  ValidateBy({
    name: 'civilDate',
    validator: { validate: (value) => parseCivilDate(value) !== null, defaultMessage: () => CIVIL_DATE_MESSAGE },
  });

/** An instant in ISO 8601 on a day that exists, within the years PostgreSQL and the office use. */
export const Instant = () =>
  ValidateBy({
    name: 'instant',
    validator: { validate: (value) => parseInstant(value) !== null, defaultMessage: () => INSTANT_MESSAGE },
  });

export const TengeAmount = () =>
  Matches(TENGE_AMOUNT, {
    message:
      'must be an amount in tenge as a decimal string, not negative, with at most 2 decimals (e.g. "1250000.50")',
  });

/** One of `values`, the message listing them. */
export const OneOf = (values: readonly string[]) => IsIn(values, { message: `must be one of: ${values.join(', ')}` });
