import { SLA_UNITS, type SlaUnit } from '@adaldesk/libs';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateSlaPolicyDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be lower-case letters, digits and _ (e.g. appeal_standard)' })
  code: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @IsInt()
  @Min(1)
  @Max(365)
  goalAmount: number;

  @IsIn(SLA_UNITS)
  goalUnit: SlaUnit;

  @IsInt()
  @Min(1)
  @Max(99)
  warningPercent: number;

  @IsInt()
  @Min(0)
  @Max(365)
  maxExtensionDays: number;

  /** Warn this many working days before the deadline instead of at `warningPercent`; null for the share. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(364)
  warningDaysBefore?: number | null;
}

export class UpdateSlaPolicyDto extends UpdateDtoOf(CreateSlaPolicyDto) {}
