import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { WorkflowTimelineController } from '../core/crud/crud.controller.js';
import { AppealsService } from './appeals.service.js';
import { RequestDto } from '../core/openapi/request-schemas.js';
import { BulkAssignDto } from './dto/appeal-actions.dto.js';

/**
 * `/api/appeals`: the react-admin routes, the workflow steps as actions, bulk assignment, the intake
 * form's deadline preview and each appeal's timeline. Routes with fixed words come before `:id`.
 */
@ApiTags('appeals')
@Controller('appeals')
export class AppealsController extends WorkflowTimelineController {
  constructor(@Inject(AppealsService) readonly service: AppealsService) {
    super();
  }

  @Get('deadline')
  deadline(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.service.previewDeadline(user, query);
  }

  @Post('bulk/assign')
  @RequestDto(BulkAssignDto)
  @HttpCode(200)
  bulkAssign(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown) {
    return this.service.bulkAssign(user, body);
  }
}
