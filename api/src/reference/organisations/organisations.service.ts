import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsService extends CrudService<Organisation> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'organisations',
      entity: Organisation,
      createDto: CreateOrganisationDto,
      updateDto: UpdateOrganisationDto,
      filters: filtersFor({ type: 'text', regionId: 'uuid', bin: 'text' }),
      sortable: ['name', 'type', 'bin', 'createdAt'],
      defaultSort: ['name', 'ASC'],
      searchable: true,
      searchProperties: ['name', 'bin', 'address'],
    });
  }
}
