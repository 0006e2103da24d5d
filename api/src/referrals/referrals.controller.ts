import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { CrudController } from '../core/crud/crud.controller.js';
import { ReferralsService } from './referrals.service.js';

/** `/api/referrals`: the react-admin routes, the funnel steps as actions, and each referral's timeline. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController extends CrudController {
  constructor(@Inject(ReferralsService) readonly service: ReferralsService) {
    super();
  }

  @Get(':id/timeline')
  timeline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.service.timeline(user, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ) {
    return this.service.act(user, id, action, body);
  }
}
