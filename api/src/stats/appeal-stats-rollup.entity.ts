import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row of the appeal statistics' rollups (see migration 1764400000000). Mapped so the permission
 * rules on appeals turn into SQL on it: its `regionId` and `confidential` mean what they mean on an
 * appeal. Written only in SQL by the rollup job.
 */
@Entity('appeal_stats_rollup')
export class AppealStatsRollup {
  @PrimaryColumn({ type: 'text' })
  grain: 'day' | 'month';

  @PrimaryColumn({ type: 'text' })
  dimension: string;

  @PrimaryColumn({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @PrimaryColumn({ type: 'boolean' })
  confidential: boolean;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  received: number;

  @Column({ type: 'integer' })
  resolved: number;

  @Column({ type: 'integer' })
  favourable: number;

  @Column({ name: 'resolved_on_time', type: 'integer' })
  resolvedOnTime: number;

  @Column({ type: 'integer' })
  forwarded: number;

  @Column({ name: 'forwarded_on_time', type: 'integer' })
  forwardedOnTime: number;
}
