import { REGION_KINDS, type RegionKind } from '@adaldesk/libs';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateRegionDto {
  @Matches(/^KZ-[A-Z0-9]{2,6}$/, { message: 'must look like KZ-ALM' })
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

  @IsIn(REGION_KINDS)
  kind: RegionKind;
}

export class UpdateRegionDto extends UpdateDtoOf(CreateRegionDto) {}
