import type { CalendarDayKind } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../core/database/base.entity.js';

/** An exception to the Monday–Friday week: a holiday, a moved day off, or a weekend made working. */
@Entity('calendar_days')
export class CalendarDay extends BaseRecord {
  /** Local date, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: CalendarDayKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;
}
