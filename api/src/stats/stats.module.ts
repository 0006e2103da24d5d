import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module.js';
import { ReferralFunnelService } from './referral-funnel.service.js';
import { StatsController } from './stats.controller.js';

/** Server-side figures for dashboards: the browser never sums rows. */
@Module({ imports: [SlaModule], controllers: [StatsController], providers: [ReferralFunnelService] })
export class StatsModule {}
