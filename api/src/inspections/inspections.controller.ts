import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WorkflowController } from '../core/crud/crud.controller.js';
import { InspectionsService } from './inspections.service.js';

/** `/api/inspections`: the react-admin routes and the workflow steps as actions. */
@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController extends WorkflowController {
  constructor(@Inject(InspectionsService) readonly service: InspectionsService) {
    super();
  }
}
