import { FINDING_SEVERITIES, type FindingSeverity, PRODUCT_UNITS, type ProductUnit, TENGE_PRICE } from '@adaldesk/libs';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Instant } from '../../../core/validation/fields.js';
import { VersionDto } from '../../../core/validation/versioned.js';

const PRICE_MESSAGE = 'must be a price in tenge above 0 as a decimal string with at most 2 decimals (e.g. "489.90")';
const UNIT_MESSAGE = `must be one of: ${PRODUCT_UNITS.join(', ')}`;

export class CreatePriceObservationDto {
  @IsUUID('all', { message: 'must be a product id (UUID)' })
  productId: string;

  /** The product's unit; checked against it when given, taken from it when not. */
  @IsOptional()
  @IsIn(PRODUCT_UNITS, { message: UNIT_MESSAGE })
  unit?: ProductUnit;

  @Matches(TENGE_PRICE, { message: PRICE_MESSAGE })
  price: string;

  /** An organisation of type market; the observation takes its region. */
  @IsUUID('all', { message: 'must be a market (organisation) id (UUID)' })
  marketId: string;

  /** When the price was seen; now when left out. Never in the future. */
  @IsOptional()
  @Instant()
  observedAt?: string;

  /** The market inspection it was taken during. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'must be an inspection id (UUID)' })
  inspectionId?: string | null;
}

/** A correction: the observation is judged again. Who recorded it and its verdict are the server's. */
export class UpdatePriceObservationDto extends VersionDto {
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id (UUID)' })
  productId?: string;

  @IsOptional()
  @IsIn(PRODUCT_UNITS, { message: UNIT_MESSAGE })
  unit?: ProductUnit;

  @IsOptional()
  @Matches(TENGE_PRICE, { message: PRICE_MESSAGE })
  price?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a market (organisation) id (UUID)' })
  marketId?: string;

  @IsOptional()
  @Instant()
  observedAt?: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'must be an inspection id (UUID)' })
  inspectionId?: string | null;
}

/** `open-finding`: everything is prefilled from the observation; these only adjust it. */
export class OpenFindingDto extends VersionDto {
  /** Required when the observation was not recorded during an inspection: the market inspection. */
  @IsOptional()
  @IsUUID('all', { message: 'must be an inspection id (UUID)' })
  inspectionId?: string;

  @IsOptional()
  @IsIn(FINDING_SEVERITIES, { message: `must be one of: ${FINDING_SEVERITIES.join(', ')}` })
  severity?: FindingSeverity;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(20_000)
  description?: string;
}

/** The form fields sent with an import's file. */
export class ImportPriceObservationsDto {
  /** The market inspection the day's prices were taken during: every row is linked to it. */
  @IsOptional()
  @IsUUID('all', { message: 'must be an inspection id (UUID)' })
  inspectionId?: string;

  /** "true": check and judge every row, save nothing. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  dryRun?: 'true' | 'false';
}
