import type { CorrectiveActionStatus, SlaState } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

const instant = (name: string, nullable = true) => Column({ name, type: 'timestamptz', nullable }) as PropertyDecorator;
/** A civil date (`YYYY-MM-DD`), as the parties' papers date it. */
const day = (name: string) => Column({ name, type: 'date', nullable: true }) as PropertyDecorator;
const text = (name: string, nullable = true) => Column({ name, type: 'text', nullable }) as PropertyDecorator;

/** What an inspected body must fix after a finding, by when, and whether the inspector found it fixed. */
@Entity('corrective_actions')
export class CorrectiveAction extends BaseRecord {
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  /** The finding's inspection and region, copied when the action is issued. */
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  /** The inspection's lead (who hears of warnings and breaches), kept in step by a trigger. */
  @Column({ name: 'lead_inspector_id', type: 'uuid' })
  leadInspectorId: string;

  /** The inspection's lead and team, who act on the action; kept in step by a trigger. */
  @Column({ name: 'inspector_ids', type: 'uuid', array: true })
  inspectorIds: string[];

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'responsible_organisation_id', type: 'uuid', nullable: true })
  responsibleOrganisationId: string | null;

  @text('responsible_person_name', false)
  responsiblePersonName: string;

  @text('responsible_person_position')
  responsiblePersonPosition: string | null;

  @Column({ type: 'text', default: 'open' })
  status: CorrectiveActionStatus;

  @Column({ name: 'sla_policy_id', type: 'uuid' })
  slaPolicyId: string;

  /** When the action was issued, registered on the working calendar: the day of issue is not counted. */
  @instant('issued_at', false)
  issuedAt: Date;

  /** The deadline as a date, when given so (else `termWorkingDays`, else the policy's goal). */
  @day('due_on')
  dueOn: string | null;

  @Column({ name: 'term_working_days', type: 'integer', nullable: true })
  termWorkingDays: number | null;

  @Column({ name: 'extension_days', type: 'integer', default: 0 })
  extensionDays: number;

  @instant('due_at', false)
  dueAt: Date;

  @instant('warning_at', false)
  warningAt: Date;

  /** When the clock stopped: the fix reported, or the action cancelled. */
  @instant('decided_at')
  decidedAt: Date | null;

  @Column({ name: 'sla_state', type: 'text', default: 'on_track' })
  slaState: SlaState;

  @instant('warned_at')
  warnedAt: Date | null;

  @instant('breached_at')
  breachedAt: Date | null;

  @day('reported_on')
  reportedOn: string | null;

  @text('report_note')
  reportNote: string | null;

  @day('verified_on')
  verifiedOn: string | null;

  @text('verification_note')
  verificationNote: string | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById: string | null;

  /** Why the last report was not accepted (earlier ones are in the audit trail). */
  @text('rejection_reason')
  rejectionReason: string | null;

  @text('cancel_reason')
  cancelReason: string | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;
}
