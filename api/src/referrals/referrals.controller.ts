import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WorkflowTimelineController } from '../core/crud/crud.controller.js';
import { ReferralsService } from './referrals.service.js';

/** `/api/referrals`: the react-admin routes, the funnel steps as actions, and each referral's timeline. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController extends WorkflowTimelineController {
  constructor(@Inject(ReferralsService) readonly service: ReferralsService) {
    super();
  }
}
