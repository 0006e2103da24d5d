import { TENGE_AMOUNT } from '@adaldesk/libs';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

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

/** A civil date, `YYYY-MM-DD`, that exists. */
export const CivilDate = () =>
  apply(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' }),
  );

export const TengeAmount = () =>
  Matches(TENGE_AMOUNT, {
    message:
      'must be an amount in tenge as a decimal string, not negative, with at most 2 decimals (e.g. "1250000.50")',
  });

/** One of `values`, the message listing them. */
export const OneOf = (values: readonly string[]) => IsIn(values, { message: `must be one of: ${values.join(', ')}` });
