import type { CalendarDayKind } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { NamedRecord } from '../../core/database/base.entity.js';

/** An exception to the Monday–Friday week: a holiday, a moved day off, or a weekend made working. */
@Entity('calendar_days')
export class CalendarDay extends NamedRecord {
  /** Local date, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: CalendarDayKind;
}
