import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { CrudController } from '../core/crud/crud.controller.js';
import { InspectionsService } from './inspections.service.js';

/** `/api/inspections`: the react-admin routes and the workflow steps as actions. */
@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController extends CrudController {
  constructor(@Inject(InspectionsService) readonly service: InspectionsService) {
    super();
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
