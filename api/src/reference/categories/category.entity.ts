import { Column, Entity } from 'typeorm';
import { NamedRecord } from '../../core/database/base.entity.js';

@Entity('categories')
export class Category extends NamedRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'sla_policy_id', type: 'uuid' })
  slaPolicyId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
