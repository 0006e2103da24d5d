import type { Role } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

@Entity('users')
export class User extends BaseRecord {
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Named in every access token; moved (by a trigger, or a sign-out) to revoke the tokens issued so far. */
  @Column({ name: 'session_version', type: 'integer', select: false, insert: false, update: false })
  sessionVersion: number;
}
