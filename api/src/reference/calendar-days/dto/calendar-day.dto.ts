import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@adaldesk/libs';
import { IsIn, IsISO8601, Matches } from 'class-validator';
import { LocalizedNameDto, UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateCalendarDayDto extends LocalizedNameDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  date: string;

  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;
}

export class UpdateCalendarDayDto extends UpdateDtoOf(CreateCalendarDayDto) {}
