import { Module } from '@nestjs/common';
import { WorkingCalendarService } from './working-calendar.service.js';

/** The working calendar as the SLA engine reads it; the deadline arithmetic itself lives in libs. */
@Module({ providers: [WorkingCalendarService], exports: [WorkingCalendarService] })
export class SlaModule {}
