import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service.js';
import { Clock } from '../core/clock/clock.js';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { QueueService } from '../core/queue/queue.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WorkingCalendarService } from './working-calendar.service.js';

/** Queued after every edit of the working calendar; recomputes the open deadlines of every timed resource. */
export const CALENDAR_CHANGED_JOB = 'sla.calendar-changed';

/** A set of deadline timers whose deadlines are counted on the working calendar. */
export interface CalendarBoundDeadlines {
  readonly resource: string;
  recomputeOpenDeadlines(): Promise<number>;
}

/**
 * What every set of deadline timers shares: the database, the audit trail, notifications, the queue
 * and the working calendar, and the one job that makes open deadlines follow a calendar edit.
 */
@Injectable()
export class SlaEngine implements OnApplicationBootstrap {
  private readonly logger = new Logger('SlaEngine');
  private readonly calendarBound: CalendarBoundDeadlines[] = [];

  constructor(
    readonly dataSource: DataSource,
    readonly audit: AuditService,
    readonly notifications: NotificationsService,
    readonly queue: QueueService,
    readonly calendars: WorkingCalendarService,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.handle(CALENDAR_CHANGED_JOB, async () => {
      await this.recomputeOpenDeadlines();
    });
  }

  /** Registers deadlines that move when the calendar does. */
  followCalendar(deadlines: CalendarBoundDeadlines): void {
    if (!this.calendarBound.includes(deadlines)) this.calendarBound.push(deadlines);
  }

  /** Every registered resource's open deadlines, computed again on the current calendar. */
  async recomputeOpenDeadlines(): Promise<number> {
    let moved = 0;
    for (const deadlines of this.calendarBound) {
      // One resource failing must not keep the others' deadlines from following the calendar.
      try {
        moved += await deadlines.recomputeOpenDeadlines();
      } catch (error) {
        this.logger.error(`Recomputing the open deadlines of ${deadlines.resource} failed: ${error}`);
      }
    }
    return moved;
  }

  /** How far ahead timers are queued: past the reconciler's run after next, so no run's delay can miss one. */
  get horizonSeconds(): number {
    return this.config.slaReconcileSeconds * 2 + 60;
  }
}
