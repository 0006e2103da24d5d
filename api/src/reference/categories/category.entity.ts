import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

@Entity('categories')
export class Category extends BaseRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'sla_policy_id', type: 'uuid' })
  slaPolicyId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
