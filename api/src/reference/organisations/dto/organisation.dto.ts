import { isValidBin, ORGANISATION_TYPES, type OrganisationType, parseBin } from '@adaldesk/libs';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

/** A valid Kazakhstan BIN (12 digits, check digit, month, entity type). */
export function IsBin() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBin',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBin(value),
        defaultMessage: (args: ValidationArguments) => {
          const value = args.value;
          const parsed = typeof value === 'string' ? parseBin(value) : null;
          return `is not a valid BIN: ${parsed && !parsed.valid ? parsed.reason : 'must be 12 digits'}`;
        },
      },
    });
}

export class CreateOrganisationDto {
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsBin()
  bin?: string | null;

  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  @IsOptional()
  @IsUUID('all', { message: 'must be a region id (UUID) or null' })
  regionId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

export class UpdateOrganisationDto extends UpdateDtoOf(CreateOrganisationDto) {}
