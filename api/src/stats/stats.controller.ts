import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ReferralFunnelService } from './referral-funnel.service.js';

/** `/api/stats/...`: aggregates computed in the database under the caller's permission scope. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(@Inject(ReferralFunnelService) private readonly referralFunnel: ReferralFunnelService) {}

  /** `GET /api/stats/referral-funnel?from=&to=&regionId=&agency=` */
  @Get('referral-funnel')
  funnel(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.referralFunnel.funnel(user, query);
  }
}
