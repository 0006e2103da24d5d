import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CreateCalendarDayDto, UpdateCalendarDayDto } from './dto/calendar-day.dto.js';

/**
 * The working calendar's exceptions to the Monday–Friday week. Holidays are seeded for 2025–2027; an
 * admin records each year's decreed transfers here.
 */
@Injectable()
export class CalendarDaysService extends CrudService<CalendarDay> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'calendar-days',
      entity: CalendarDay,
      createDto: CreateCalendarDayDto,
      updateDto: UpdateCalendarDayDto,
      filters: filtersFor({ kind: 'text', date: 'date' }, ['date']),
      sortable: ['date', 'kind'],
      defaultSort: ['date', 'ASC'],
      searchable: true,
      searchProperties: ['nameKk', 'nameRu', 'nameEn'],
    });
  }
}
