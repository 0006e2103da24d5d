import { PRODUCT_CODE, PRODUCT_UNITS, type ProductUnit } from '@adaldesk/libs';
import { IsBoolean, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { LocalizedNameDto, UpdateDtoOf } from '../../../core/validation/versioned.js';

/** A percentage above zero, up to 1000, with at most two decimals, as a string (`"15"`, `"7.5"`). */
const PERCENT = /^(?!0+(\.0{1,2})?$)(\d{1,3}(\.\d{1,2})?|1000(\.0{1,2})?)$/;

export class CreateProductDto extends LocalizedNameDto {
  @Matches(PRODUCT_CODE, { message: 'must be lower-case letters, digits and _ (e.g. sunflower_oil)' })
  code: string;

  @IsIn(PRODUCT_UNITS, { message: `must be one of: ${PRODUCT_UNITS.join(', ')}` })
  unit: ProductUnit;

  /** Overrides the office-wide threshold for this product; null uses PRICE_RISE_THRESHOLD_PERCENT. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(PERCENT, { message: 'must be a percentage above 0 and at most 1000 as a decimal string (e.g. "15")' })
  riseThresholdPercent?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProductDto extends UpdateDtoOf(CreateProductDto) {}
