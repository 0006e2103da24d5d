import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WorkflowTimelineController } from '../core/crud/crud.controller.js';
import { CorrectiveActionsService } from './corrective-actions.service.js';

/** `/api/corrective-actions`: the react-admin routes, the steps as actions, and each action's timeline. */
@ApiTags('corrective-actions')
@Controller('corrective-actions')
export class CorrectiveActionsController extends WorkflowTimelineController {
  constructor(@Inject(CorrectiveActionsService) readonly service: CorrectiveActionsService) {
    super();
  }
}
