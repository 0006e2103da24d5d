import { REFERRAL_AGENCIES, type ReferralAgency, TENGE_AMOUNT } from '@adaldesk/libs';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const apply =
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

export class ReferralPersonDto {
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(300)
  fullName: string;

  @optionalText(300)
  position?: string | null;

  @optionalText(500)
  organisation?: string | null;
}

/** The persons involved: officials, their position and organisation. */
export const Persons = () =>
  apply(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => ReferralPersonDto) as PropertyDecorator,
  );

export class CreateReferralDto {
  @IsIn(REFERRAL_AGENCIES, { message: `must be one of: ${REFERRAL_AGENCIES.join(', ')}` })
  agency: ReferralAgency;

  @optionalText(300)
  agencyName?: string | null;

  /** The appeal the materials come from: its region and organisation are copied. */
  @optionalId('an appeal')
  appealId?: string | null;

  @optionalId('a finding')
  findingId?: string | null;

  /** Required unless the referral comes from an appeal, whose region it takes. */
  @optionalId('a region')
  regionId?: string | null;

  @optionalId('an organisation')
  organisationId?: string | null;

  /** Who follows it up; the person creating it by default. */
  @optionalId('a user')
  ownerId?: string | null;

  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(500)
  summary: string;

  @optionalText(20_000)
  description?: string | null;

  @Persons()
  persons?: ReferralPersonDto[];

  /** The day the materials were sent; today by default. */
  @optional(CivilDate())
  referredOn?: string | null;
}
