import { IntersectionType, PartialType } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import { IsInt, Min } from 'class-validator';

export class VersionDto {
  /** The version the client last read; a stale one is refused with 409. */
  @IsInt()
  @Min(1)
  version: number;
}

/** The update DTO of a resource: any of the create fields, plus the version being replaced. */
export function UpdateDtoOf<T>(createDto: Type<T>) {
  return IntersectionType(PartialType(createDto), VersionDto);
}
