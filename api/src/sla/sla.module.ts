import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaEngine } from './sla-engine.service.js';
import { WorkingCalendarService } from './working-calendar.service.js';

/**
 * The SLA engine: the working calendar as it reads it, and what every resource's deadline timers share
 * (`DeadlineTimers`); the deadline arithmetic itself lives in libs.
 */
@Module({
  imports: [NotificationsModule],
  providers: [WorkingCalendarService, SlaEngine],
  exports: [WorkingCalendarService, SlaEngine],
})
export class SlaModule {}
