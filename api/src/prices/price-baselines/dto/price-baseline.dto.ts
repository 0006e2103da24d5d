import { TENGE_PRICE } from '@adaldesk/libs';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreatePriceBaselineDto {
  @IsUUID('all', { message: 'must be a product id (UUID)' })
  productId: string;

  @IsUUID('all', { message: 'must be a region id (UUID)' })
  regionId: string;

  @Matches(TENGE_PRICE, {
    message: 'must be a price in tenge above 0 as a decimal string with at most 2 decimals (e.g. "489.90")',
  })
  price: string;

  @Matches(CIVIL_DATE, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  validFrom: string;

  /** The last day it applies; null: until further notice. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(CIVIL_DATE, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  validTo?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class UpdatePriceBaselineDto extends UpdateDtoOf(CreatePriceBaselineDto) {}
