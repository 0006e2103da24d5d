import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { CreateSlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto.js';
import { SlaPolicy } from './sla-policy.entity.js';

@Injectable()
export class SlaPoliciesService extends CrudService<SlaPolicy> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'sla-policies',
      entity: SlaPolicy,
      createDto: CreateSlaPolicyDto,
      updateDto: UpdateSlaPolicyDto,
      filters: filtersFor({ code: 'text', goalUnit: 'text' }),
      sortable: ['code', 'name', 'goalAmount', 'goalUnit'],
      defaultSort: ['code', 'ASC'],
      searchable: true,
      searchProperties: ['code', 'name'],
    });
  }
}
