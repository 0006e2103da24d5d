import { Module } from '@nestjs/common';
import { AuditEventsModule } from '../audit/audit-events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { ReferralFollowUpJobs } from './jobs/referral-follow-up.job.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [NotificationsModule, SlaModule, AuditEventsModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralFollowUpJobs],
})
export class ReferralsModule {}
