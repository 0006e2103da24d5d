import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@adaldesk/libs';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateCalendarDayDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  date: string;

  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

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

export class UpdateCalendarDayDto extends UpdateDtoOf(CreateCalendarDayDto) {}
