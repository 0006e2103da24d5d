import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@adaldesk/libs';
import { IsIn } from 'class-validator';
import { CivilDate } from '../../../core/validation/fields.js';
import { LocalizedNameDto, UpdateDtoOf } from '../../../core/validation/versioned.js';

export class CreateCalendarDayDto extends LocalizedNameDto {
  @CivilDate()
  date: string;

  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;
}

export class UpdateCalendarDayDto extends UpdateDtoOf(CreateCalendarDayDto) {}
