import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto.js';
import { Region } from './region.entity.js';

@Injectable()
export class RegionsService extends CrudService<Region> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'regions',
      entity: Region,
      createDto: CreateRegionDto,
      updateDto: UpdateRegionDto,
      filters: filtersFor({ code: 'text', kind: 'text' }),
      sortable: ['code', 'kind', 'nameKk', 'nameRu', 'nameEn'],
      defaultSort: ['code', 'ASC'],
      searchable: true,
      searchProperties: ['code', 'nameKk', 'nameRu', 'nameEn'],
    });
  }
}
