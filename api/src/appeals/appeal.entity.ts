import type { AppealChannel, AppealKind, AppealOutcome, AppealStatus, SlaState } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

/** A pause of the SLA clock as stored: ISO instants, `to` null while it lasts. */
export interface StoredPause {
  from: string;
  to: string | null;
}

/** An extension asked for and waiting for a head's decision. */
export interface ExtensionRequest {
  days: number;
  reason: string;
  requestedById: string;
  requestedAt: string;
}

const timestamp = (name: string, nullable = false) =>
  Column({ name, type: 'timestamptz', nullable }) as PropertyDecorator;

@Entity('appeals')
export class Appeal extends BaseRecord {
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  channel: AppealChannel;

  @Column({ type: 'text' })
  kind: AppealKind;

  @timestamp('received_at')
  receivedAt: Date;

  @timestamp('registered_at')
  registeredAt: Date;

  @Column({ name: 'registered_by_id', type: 'uuid' })
  registeredById: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Column({ name: 'applicant_name', type: 'text', nullable: true })
  applicantName: string | null;

  @Column({ name: 'applicant_iin', type: 'text', nullable: true })
  applicantIin: string | null;

  @Column({ name: 'applicant_bin', type: 'text', nullable: true })
  applicantBin: string | null;

  @Column({ name: 'applicant_phone', type: 'text', nullable: true })
  applicantPhone: string | null;

  @Column({ name: 'applicant_email', type: 'text', nullable: true })
  applicantEmail: string | null;

  @Column({ name: 'applicant_address', type: 'text', nullable: true })
  applicantAddress: string | null;

  @Column({ type: 'text', default: 'registered' })
  status: AppealStatus;

  @Column({ type: 'text', nullable: true })
  outcome: AppealOutcome | null;

  @Column({ name: 'resolution_text', type: 'text', nullable: true })
  resolutionText: string | null;

  @Column({ name: 'forwarded_to_id', type: 'uuid', nullable: true })
  forwardedToId: string | null;

  /** An earlier appeal of the same applicant about the same organisation within 30 days. */
  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'sla_policy_id', type: 'uuid' })
  slaPolicyId: string;

  /** When the clock started: registration, or the last reopening. */
  @timestamp('sla_started_at')
  slaStartedAt: Date;

  @Column({ name: 'sla_pauses', type: 'jsonb', default: () => "'[]'" })
  slaPauses: StoredPause[];

  @timestamp('paused_since', true)
  pausedSince: Date | null;

  @Column({ name: 'extension_days', type: 'integer', default: 0 })
  extensionDays: number;

  @Column({ name: 'extension_request', type: 'jsonb', nullable: true })
  extensionRequest: ExtensionRequest | null;

  @timestamp('due_at')
  dueAt: Date;

  @timestamp('warning_at')
  warningAt: Date;

  @timestamp('decided_at', true)
  decidedAt: Date | null;

  /** As last flagged by an action, a timer or the reconciler; the JSON shows the live state. */
  @Column({ name: 'sla_state', type: 'text', default: 'on_track' })
  slaState: SlaState;

  /** When the warning was sent for the current deadline; null until then. */
  @timestamp('warned_at', true)
  warnedAt: Date | null;

  /** When the breach was flagged for the current deadline; null until then. */
  @timestamp('breached_at', true)
  breachedAt: Date | null;
}
