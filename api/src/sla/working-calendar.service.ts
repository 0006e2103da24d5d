import { WorkingCalendar } from '@adaldesk/libs';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';

/** Other API instances pick up a calendar edit within this time; the editing instance at once. */
const CACHE_MILLIS = 30_000;

/**
 * The office's working calendar, built from the `calendar-days` exceptions and the configured time
 * zone and working hours. Cached briefly: every registration and every deadline reads it.
 */
@Injectable()
export class WorkingCalendarService {
  private cached: { calendar: WorkingCalendar; loadedAt: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<WorkingCalendar> {
    if (this.cached && performance.now() - this.cached.loadedAt < CACHE_MILLIS) return this.cached.calendar;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Forget the cached calendar (after an edit on this instance). */
  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<WorkingCalendar> {
    const rows: { date: string; kind: 'holiday' | 'day_off' | 'working_day' }[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days ORDER BY date`,
    );
    const calendar = new WorkingCalendar(rows, {
      timeZone: this.config.timeZone,
      workdayStart: this.config.workdayStart,
      workdayEnd: this.config.workdayEnd,
    });
    this.cached = { calendar, loadedAt: performance.now() };
    return calendar;
  }
}
