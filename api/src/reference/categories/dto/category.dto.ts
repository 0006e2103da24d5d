import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateCategoryDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'must be lower-case letters, digits and _ (e.g. school_repairs)' })
  code: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameKk: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameRu: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameEn: string;

  @IsUUID('all', { message: 'must be an SLA policy id (UUID)' })
  slaPolicyId: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends UpdateDtoOf(CreateCategoryDto) {}
