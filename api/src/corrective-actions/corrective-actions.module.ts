import { Module } from '@nestjs/common';
import { AuditEventsModule } from '../audit/audit-events.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { CorrectiveActionsController } from './corrective-actions.controller.js';
import { CorrectiveActionsService } from './corrective-actions.service.js';
import { CorrectiveActionSlaJobs } from './jobs/corrective-action-sla.job.js';

@Module({
  imports: [SlaModule, AuditEventsModule],
  controllers: [CorrectiveActionsController],
  providers: [CorrectiveActionsService, CorrectiveActionSlaJobs],
})
export class CorrectiveActionsModule {}
