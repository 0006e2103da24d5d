import type { BaselineSource, ProductUnit } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

/** A price an inspector saw at a market, with the baseline it was judged against and the verdict. */
@Entity('price_observations')
export class PriceObservation extends BaseRecord {
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** The product's unit when observed; a price per kg is never compared with one per piece. */
  @Column({ type: 'text' })
  unit: ProductUnit;

  /** Tenge, exact: PostgreSQL numeric, read and written as a decimal string. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  price: string;

  /** An organisation of type market; the observation takes its region. */
  @Column({ name: 'market_id', type: 'uuid' })
  marketId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'observed_at', type: 'timestamptz' })
  observedAt: Date;

  /** The office's civil day of `observedAt`: the unit of the rolling window and of "one price a day". */
  @Column({ name: 'observed_on', type: 'date' })
  observedOn: string;

  /** Who recorded it. */
  @Column({ name: 'inspector_id', type: 'uuid' })
  inspectorId: string;

  /** The market inspection it was taken during, if any. */
  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  @Column({ name: 'baseline_price', type: 'numeric', precision: 15, scale: 3, nullable: true })
  baselinePrice: string | null;

  @Column({ name: 'baseline_source', type: 'text' })
  baselineSource: BaselineSource;

  /** How many observations the median was taken over (median baselines only). */
  @Column({ name: 'baseline_observations', type: 'integer', nullable: true })
  baselineObservations: number | null;

  /** How far the price is above (or below, negative) the baseline, in percent. */
  @Column({ name: 'rise_percent', type: 'numeric', precision: 9, scale: 2, nullable: true })
  risePercent: string | null;

  /** The threshold in force for this product when judged. */
  @Column({ name: 'threshold_percent', type: 'numeric', precision: 6, scale: 2 })
  thresholdPercent: string;

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  /** The price-gouging finding opened from this observation. */
  @Column({ name: 'finding_id', type: 'uuid', nullable: true })
  findingId: string | null;
}
