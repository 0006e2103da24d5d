import type { ReferralAgency, ReferralStatus, ReferralVerdict } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

/** A person the materials concern: an official, their position and where they work. */
export interface ReferralPerson {
  fullName: string;
  position: string | null;
  organisation: string | null;
}

/** A civil date (`YYYY-MM-DD`): the day a funnel step was taken, as the agency's papers date it. */
const day = (name: string, nullable = true) => Column({ name, type: 'date', nullable }) as PropertyDecorator;
const instant = (name: string) => Column({ name, type: 'timestamptz', nullable: true }) as PropertyDecorator;

@Entity('referrals')
export class Referral extends BaseRecord {
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  agency: ReferralAgency;

  /** The body's own name (required for `other`), or the unit within the agency. */
  @Column({ name: 'agency_name', type: 'text', nullable: true })
  agencyName: string | null;

  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId: string | null;

  /** A finding of an inspection; the foreign key arrives with the inspections migration. */
  @Column({ name: 'finding_id', type: 'uuid', nullable: true })
  findingId: string | null;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  /** Who follows the referral up in the office (and hears the reminders). */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  persons: ReferralPerson[];

  @Column({ type: 'text', default: 'referred' })
  status: ReferralStatus;

  @day('referred_on', false)
  referredOn: string;

  @day('review_started_on')
  reviewStartedOn: string | null;

  @day('case_opened_on')
  caseOpenedOn: string | null;

  @day('refused_on')
  refusedOn: string | null;

  @day('sent_to_court_on')
  sentToCourtOn: string | null;

  @day('verdict_on')
  verdictOn: string | null;

  /** The pre-trial investigation register (ЕРДР) number the agency gave the case. */
  @Column({ name: 'register_number', type: 'text', nullable: true })
  registerNumber: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ type: 'text', nullable: true })
  verdict: ReferralVerdict | null;

  @Column({ type: 'text', nullable: true })
  sanctions: string | null;

  /** Tenge, exact: PostgreSQL numeric, read and written as a decimal string. */
  @Column({ name: 'damages_recovered', type: 'numeric', precision: 18, scale: 2, nullable: true })
  damagesRecovered: string | null;

  /** When the office last recorded an outcome (creation or a funnel step). */
  @Column({ name: 'last_outcome_at', type: 'timestamptz' })
  lastOutcomeAt: Date;

  /** When the owner and the managers are reminded to chase the agency; null once the funnel has ended. */
  @instant('follow_up_due_at')
  followUpDueAt: Date | null;

  @instant('reminded_at')
  remindedAt: Date | null;
}
