/** What `/api/stats/*` answers, as the published contract says it (generated, never copied). */
import type { ApiAnswer } from '../api/types';

export type Overview = ApiAnswer<'StatsController_overview'>;
export type BacklogBucket = Overview['backlogByAge'][number];
export type Breakdown = ApiAnswer<'StatsController_breakdown'>;
export type BreakdownRow = Breakdown['rows'][number];
export type Trend = ApiAnswer<'StatsController_trend'>;
export type FindingStats = ApiAnswer<'StatsController_findings'>;

/** The period and region every panel of the dashboard shows. */
export interface DashboardQuery {
  from: string;
  to: string;
  regionId?: string;
}
