import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WorkflowTimelineController } from '../core/crud/crud.controller.js';
import { InspectionsService } from './inspections.service.js';

/** `/api/inspections`: the react-admin routes, the workflow steps as actions, and each inspection's timeline. */
@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController extends WorkflowTimelineController {
  constructor(@Inject(InspectionsService) readonly service: InspectionsService) {
    super();
  }
}
