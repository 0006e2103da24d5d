import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { APPEAL_KINDS } from '@adaldesk/libs';
import { schema } from '../core/openapi/schema.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { WorkflowTimelineController } from '../core/crud/crud.controller.js';
import { AppealsService } from './appeals.service.js';
import { RequestDto } from '../core/openapi/request-schemas.js';
import { BulkAssignDto } from './dto/appeal-actions.dto.js';

const DEADLINE_SCHEMA = schema.object({
  registeredAt: schema.dateTime(),
  dueAt: schema.dateTime(),
  warningAt: schema.nullable(schema.dateTime()),
  policy: schema.object({
    id: schema.uuid(),
    code: schema.string(),
    name: schema.string(),
    goalAmount: schema.integer(),
    goalUnit: schema.string(),
  }),
});

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
  @ApiOperation({ summary: 'Preview the registration and deadline of an appeal received at a given time' })
  @ApiQuery({ name: 'receivedAt', required: true, type: String, format: 'date-time' })
  @ApiQuery({ name: 'kind', required: false, enum: APPEAL_KINDS })
  @ApiQuery({ name: 'categoryId', required: false, type: String, format: 'uuid' })
  @ApiOkResponse({
    description: 'When an appeal received then would be registered, warned about and due',
    schema: DEADLINE_SCHEMA,
  })
  deadline(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.service.previewDeadline(user, query);
  }

  @Post('bulk/assign')
  @ApiOperation({ summary: 'Assign many appeals at once' })
  @RequestDto(BulkAssignDto)
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The appeals assigned, all or none',
    schema: schema.object({ updated: schema.array(schema.uuid()) }),
  })
  bulkAssign(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown) {
    return this.service.bulkAssign(user, body);
  }
}
