import { IntersectionType, PartialType } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';

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

/** The names of a record in Kazakh, Russian and English, all required. */
export class LocalizedNameDto {
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
}
