import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto.js';
import { Product } from './product.entity.js';

/** The monitored products: read by everyone, kept by admins. Deactivate rather than delete a used one. */
@Injectable()
export class ProductsService extends CrudService<Product> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'products',
      entity: Product,
      createDto: CreateProductDto,
      updateDto: UpdateProductDto,
      filters: filtersFor({ code: 'text', unit: 'text', active: 'boolean' }),
      sortable: ['code', 'nameKk', 'nameRu', 'nameEn', 'unit', 'active'],
      defaultSort: ['code', 'ASC'],
      searchable: true,
      searchProperties: ['code', 'nameKk', 'nameRu', 'nameEn'],
    });
  }
}
