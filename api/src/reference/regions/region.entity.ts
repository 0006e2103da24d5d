import type { RegionKind } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

@Entity('regions')
export class Region extends BaseRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: RegionKind;
}
