import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { CrudController } from '../core/crud/crud.controller.js';
import { CorrectiveActionsService } from './corrective-actions.service.js';

/** `/api/corrective-actions`: the react-admin routes, the steps as actions, and each action's timeline. */
@ApiTags('corrective-actions')
@Controller('corrective-actions')
export class CorrectiveActionsController extends CrudController {
  constructor(@Inject(CorrectiveActionsService) readonly service: CorrectiveActionsService) {
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
