import { IsBoolean, IsOptional, IsUUID, Matches } from 'class-validator';
import { LocalizedNameDto, UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateCategoryDto extends LocalizedNameDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be lower-case letters, digits and _ (e.g. school_repairs)' })
  code: string;

  @IsUUID('all', { message: 'must be an SLA policy id (UUID)' })
  slaPolicyId: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends UpdateDtoOf(CreateCategoryDto) {}
