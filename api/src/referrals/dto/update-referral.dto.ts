import { REFERRAL_AGENCIES, type ReferralAgency } from '@adaldesk/libs';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { optional, optionalId, optionalText } from '../../core/validation/fields.js';
import { Persons, type ReferralPersonDto } from './create-referral.dto.js';

/**
 * What may be corrected on a referral outside the funnel. The status and the steps' dates, reasons and
 * outcomes change only through the funnel actions; the source (appeal, finding, region) never.
 */
export class UpdateReferralDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(REFERRAL_AGENCIES, { message: `must be one of: ${REFERRAL_AGENCIES.join(', ')}` })
  agency?: ReferralAgency;

  @optionalText(300)
  agencyName?: string | null;

  @optionalId('an organisation')
  organisationId?: string | null;

  @IsOptional()
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  ownerId?: string;

  @IsOptional()
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(500)
  summary?: string;

  @optionalText(20_000)
  description?: string | null;

  @Persons()
  persons?: ReferralPersonDto[];

  /** A typo in the register number may be corrected once a case is opened. */
  @optional(IsString(), MinLength(3, { message: 'must be at least 3 characters long' }), MaxLength(100))
  registerNumber?: string;
}
