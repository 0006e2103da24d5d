/** The dashboard's figures, each panel's read on its own for the dashboard's period and region. */
import { useReferralFunnel, useStats } from '../providers/apiQueries';
import type { Breakdown, DashboardQuery, FindingStats, Overview, Trend } from './statsTypes';

/** The parameters every figure of the dashboard is asked for, in the order the API has always seen. */
const periodOf = ({ from, to, regionId }: DashboardQuery) => ({ from, to, regionId });

/** The period's decisions and the backlog now (`GET /api/stats/overview`). */
export const useOverview = (query: DashboardQuery) => useStats<Overview>('overview', periodOf(query));

/** The period month by month (`GET /api/stats/trend`). */
export const useTrend = (query: DashboardQuery) => useStats<Trend>('trend', periodOf(query));

/** The period's figures per region, category or organisation (`GET /api/stats/breakdown`). */
export const useBreakdown = (query: DashboardQuery, dimension: 'region' | 'category' | 'organisation') =>
  useStats<Breakdown>('breakdown', { ...periodOf(query), dimension });

/** Inspection findings of the period by kind (`GET /api/stats/findings`). */
export const useFindingStats = (query: DashboardQuery) => useStats<FindingStats>('findings', periodOf(query));

/** The period's referral funnel (`GET /api/stats/referral-funnel`). */
export const usePeriodReferralFunnel = (query: DashboardQuery) => useReferralFunnel(periodOf(query));
