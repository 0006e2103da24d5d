import type { SlaUnit } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

@Entity('sla_policies')
export class SlaPolicy extends BaseRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'goal_amount', type: 'integer' })
  goalAmount: number;

  @Column({ name: 'goal_unit', type: 'text' })
  goalUnit: SlaUnit;

  @Column({ name: 'warning_percent', type: 'integer' })
  warningPercent: number;

  @Column({ name: 'max_extension_days', type: 'integer' })
  maxExtensionDays: number;

  /** Warn this many working days before the deadline instead of at `warningPercent`, when set. */
  @Column({ name: 'warning_days_before', type: 'integer', nullable: true })
  warningDaysBefore: number | null;
}
