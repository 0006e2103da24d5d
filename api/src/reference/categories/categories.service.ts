import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { Category } from './category.entity.js';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';

@Injectable()
export class CategoriesService extends CrudService<Category> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'categories',
      entity: Category,
      createDto: CreateCategoryDto,
      updateDto: UpdateCategoryDto,
      filters: filtersFor({ code: 'text', slaPolicyId: 'uuid', active: 'boolean' }),
      sortable: ['code', 'nameKk', 'nameRu', 'nameEn', 'active'],
      defaultSort: ['code', 'ASC'],
      searchable: true,
      searchProperties: ['code', 'nameKk', 'nameRu', 'nameEn'],
    });
  }
}
