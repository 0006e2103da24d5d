import { Controller, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { schema } from '../core/openapi/schema.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { CrudController } from '../core/crud/crud.controller.js';
import { NotificationsService } from './notifications.service.js';

/** Each user's own notifications; `PUT {read: true}` marks one read. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController extends CrudController {
  constructor(@Inject(NotificationsService) readonly service: NotificationsService) {
    super();
  }

  @Post('actions/read-all')
  @ApiOperation({ summary: 'Mark all of the caller’s notifications read' })
  @ApiCreatedResponse({
    description: 'How many of the caller’s notifications were marked read',
    schema: schema.object({ updated: schema.integer({ minimum: 0 }) }),
  })
  readAll(@CurrentUser() user: AuthenticatedUser) {
    return this.service.markAllRead(user);
  }
}
