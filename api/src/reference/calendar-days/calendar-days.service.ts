import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { CALENDAR_CHANGED_JOB } from '../../sla/sla-engine.service.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CreateCalendarDayDto, UpdateCalendarDayDto } from './dto/calendar-day.dto.js';

/**
 * The working calendar's exceptions to the Monday–Friday week. Holidays are seeded for 2025–2027; an
 * admin records each year's decreed transfers here.
 */
@Injectable()
export class CalendarDaysService extends CrudService<CalendarDay> {
  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly queue: QueueService,
  ) {
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

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    return this.recomputingDeadlines(super.create(user, body));
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    return this.recomputingDeadlines(super.update(user, id, body));
  }

  override async remove(user: AuthenticatedUser, id: string): Promise<object> {
    return this.recomputingDeadlines(super.remove(user, id));
  }

  /** Open deadlines follow the calendar: once the edit is committed, a job recomputes them. */
  private async recomputingDeadlines(change: Promise<object>): Promise<object> {
    const result = await change;
    await this.queue.add(CALENDAR_CHANGED_JOB, {});
    return result;
  }
}
