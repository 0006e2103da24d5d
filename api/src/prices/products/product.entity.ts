import type { ProductUnit } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { NamedRecord } from '../../core/database/base.entity.js';

/** A socially significant food product whose market price inspectors watch. */
@Entity('products')
export class Product extends NamedRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  unit: ProductUnit;

  /** Overrides `PRICE_RISE_THRESHOLD_PERCENT` for this product; a decimal string. */
  @Column({ name: 'rise_threshold_percent', type: 'numeric', precision: 6, scale: 2, nullable: true })
  riseThresholdPercent: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
