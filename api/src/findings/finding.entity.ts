import type { FindingKind, FindingSeverity, ResponsibleOfficial } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

/** A violation an inspection found, with the money involved and the officials held responsible. */
@Entity('findings')
export class Finding extends BaseRecord {
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  /** The inspection's region, copied so permission rules and lists filter on the finding itself. */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text' })
  kind: FindingKind;

  @Column({ type: 'text' })
  severity: FindingSeverity;

  /** Tenge, exact: PostgreSQL numeric, read and written as a decimal string. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  officials: ResponsibleOfficial[];

  @Column({ name: 'recommended_measure', type: 'text', nullable: true })
  recommendedMeasure: string | null;

  /** The appeal that led to the finding. */
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId: string | null;

  /** The appeal registered from the finding. */
  @Column({ name: 'opened_appeal_id', type: 'uuid', nullable: true })
  openedAppealId: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;
}
