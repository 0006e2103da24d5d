import type { RegionKind } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { NamedRecord } from '../../core/database/base.entity.js';

@Entity('regions')
export class Region extends NamedRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: RegionKind;
}
