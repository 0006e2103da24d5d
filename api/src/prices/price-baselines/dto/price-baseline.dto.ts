import { TENGE_PRICE } from '@adaldesk/libs';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CivilDate } from '../../../core/validation/fields.js';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreatePriceBaselineDto {
  @IsUUID('all', { message: 'must be a product id (UUID)' })
  productId: string;

  @IsUUID('all', { message: 'must be a region id (UUID)' })
  regionId: string;

  @Matches(TENGE_PRICE, {
    message: 'must be a price in tenge above 0 as a decimal string with at most 2 decimals (e.g. "489.90")',
  })
  price: string;

  @CivilDate()
  validFrom: string;

  /** The last day it applies; null: until further notice. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @CivilDate()
  validTo?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class UpdatePriceBaselineDto extends UpdateDtoOf(CreatePriceBaselineDto) {}
