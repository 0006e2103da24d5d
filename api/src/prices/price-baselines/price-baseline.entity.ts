import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

/** A baseline price an admin set for a product in a region; it takes precedence over the rolling median. */
@Entity('price_baselines')
export class PriceBaseline extends BaseRecord {
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  /** Tenge, exact: PostgreSQL numeric, read and written as a decimal string. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  price: string;

  /** The first and last civil days it applies to; no end means until further notice. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** Why this value: a decree, an agreed ceiling, a survey. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'set_by_id', type: 'uuid' })
  setById: string;
}
