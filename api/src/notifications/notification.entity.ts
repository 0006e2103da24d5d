import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

export const NOTIFICATION_KINDS = [
  'appeal_assigned',
  'sla_warning',
  'sla_breach',
  'extension_requested',
  'referral_follow_up',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One message to one user about one record. Words come from the UI's translations, keyed by `kind`. */
@Entity('notifications')
export class Notification extends BaseRecord {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  /** What the message shows (an appeal's number and deadline); never an applicant's identity. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** The same event never notifies a user twice (a timer may fire twice). */
  @Column({ name: 'dedupe_key', type: 'text', select: false })
  dedupeKey: string;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true, select: false })
  emailedAt: Date | null;
}
