import { REFERRAL_AGENCIES, type ReferralAgency } from '@adaldesk/libs';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { apply, CivilDate, optional, optionalId, optionalText } from '../../core/validation/fields.js';

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
