import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadOnlyCrudController } from '../core/crud/crud.controller.js';
import { AuditEventsService } from './audit-events.service.js';

@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController extends ReadOnlyCrudController {
  constructor(@Inject(AuditEventsService) readonly service: AuditEventsService) {
    super();
  }
}
