import { Module } from '@nestjs/common';
import { AuditEventsModule } from '../audit/audit-events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { AppealsController } from './appeals.controller.js';
import { AppealsService } from './appeals.service.js';
import { AppealSlaJobs } from './jobs/appeal-sla.job.js';

@Module({
  imports: [NotificationsModule, SlaModule, AuditEventsModule],
  controllers: [AppealsController],
  providers: [AppealsService, AppealSlaJobs],
  exports: [AppealSlaJobs, AppealsService],
})
export class AppealsModule {}
