import type { OrganisationType } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

@Entity('organisations')
export class Organisation extends BaseRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  bin: string | null;

  @Column({ type: 'text' })
  type: OrganisationType;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;
}
