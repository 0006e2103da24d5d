import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module.js';
import { AppealStatsService } from './appeal-stats.service.js';
import { FindingStatsService } from './finding-stats.service.js';
import { AppealStatsRollupJob } from './jobs/appeal-stats-rollup.job.js';
import { ReferralFunnelService } from './referral-funnel.service.js';
import { StatsReportService } from './report/stats-report.service.js';
import { StatsController } from './stats.controller.js';

/** Server-side figures for dashboards: the browser never sums rows. */
@Module({
  imports: [SlaModule],
  controllers: [StatsController],
  providers: [ReferralFunnelService, AppealStatsService, AppealStatsRollupJob, FindingStatsService, StatsReportService],
  exports: [AppealStatsRollupJob],
})
export class StatsModule {}
