import { REGION_KINDS, type RegionKind } from '@adaldesk/libs';
import { IsIn, Matches } from 'class-validator';
import { LocalizedNameDto, UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateRegionDto extends LocalizedNameDto {
  @Matches(/^KZ-[A-Z0-9]{2,6}$/, { message: 'must look like KZ-ALM' })
  code: string;

  @IsIn(REGION_KINDS)
  kind: RegionKind;
}

export class UpdateRegionDto extends UpdateDtoOf(CreateRegionDto) {}
