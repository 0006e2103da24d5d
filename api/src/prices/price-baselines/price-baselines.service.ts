import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import { CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { AppError, ErrorCode } from '../../core/errors/app-error.js';
import { CreatePriceBaselineDto, UpdatePriceBaselineDto } from './dto/price-baseline.dto.js';
import { PriceBaseline } from './price-baseline.entity.js';

/**
 * Baselines an admin sets per product and region for a period; they take precedence over the rolling
 * median for observations on those days. Every change is audited with who set it.
 */
@Injectable()
export class PriceBaselinesService extends CrudService<PriceBaseline> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      resource: 'price-baselines',
      entity: PriceBaseline,
      createDto: CreatePriceBaselineDto,
      updateDto: UpdatePriceBaselineDto,
      filters: filtersFor({ productId: 'uuid', regionId: 'uuid', validFrom: 'date' }, ['validFrom']),
      sortable: ['validFrom', 'validTo', 'price', 'createdAt'],
      defaultSort: ['validFrom', 'DESC'],
      searchable: false,
      readOnlyFields: ['setById'],
    });
  }

  protected override async toEntityValues(
    dto: object,
    existing: PriceBaseline | null,
    user: AuthenticatedUser,
  ): Promise<Partial<PriceBaseline>> {
    const values = (await super.toEntityValues(dto, existing, user)) as Partial<PriceBaseline>;
    const validFrom = values.validFrom ?? existing?.validFrom;
    const validTo = values.validTo === undefined ? existing?.validTo : values.validTo;
    if (validFrom && validTo && validTo < validFrom) {
      throw AppError.validation([{ field: 'validTo', message: 'must not be before validFrom' }]);
    }
    // Whoever last set the value answers for it.
    return { ...values, setById: user.id };
  }

  protected override async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await super.inTransaction(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
        throw new AppError(
          ErrorCode.Conflict,
          'Another baseline of this product and region already covers some of these days; end it first',
          [{ field: 'validFrom', message: 'overlaps another baseline of this product and region' }],
        );
      }
      throw error;
    }
  }
}
