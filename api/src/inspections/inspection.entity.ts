import type { ChecklistEntry, InspectionStatus, InspectionType } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

/** A civil date (`YYYY-MM-DD`): the day as the inspection's papers date it, in no time zone. */
const day = (name: string, nullable = true) => Column({ name, type: 'date', nullable }) as PropertyDecorator;
const instant = (name: string) => Column({ name, type: 'timestamptz', nullable: true }) as PropertyDecorator;

/** A monitoring visit to a school or a market, by a lead inspector and their team. */
@Entity('inspections')
export class Inspection extends BaseRecord {
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  type: InspectionType;

  /** The inspected school or market. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'lead_inspector_id', type: 'uuid' })
  leadInspectorId: string;

  /** The other inspectors on the visit; with the lead, the people who act on the inspection. */
  @Column({ name: 'team_ids', type: 'uuid', array: true, default: () => "'{}'" })
  teamIds: string[];

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @day('planned_start_on', false)
  plannedStartOn: string;

  @day('planned_end_on', false)
  plannedEndOn: string;

  @day('actual_start_on')
  actualStartOn: string | null;

  @day('actual_end_on')
  actualEndOn: string | null;

  /** One entry per item of the type's checklist template. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklist: ChecklistEntry[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', default: 'planned' })
  status: InspectionStatus;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @instant('closed_at')
  closedAt: Date | null;

  @instant('cancelled_at')
  cancelledAt: Date | null;
}
