import { useTranslate } from 'react-admin';
import { TrendChart } from './DashboardCharts';
import { appealLinks, shareCell } from './dashboardLinks';
import { type DashboardPanelProps, QueryPanel } from './DashboardParts';
import { useTrend } from './useDashboardStats';

/** The period month by month; a month opens the appeals received in it (within the period). */
export const TrendPanel = ({ query, fileName }: DashboardPanelProps) => {
  const translate = useTranslate();
  return (
    <QueryPanel
      title={translate('app.dashboard.trend')}
      testId="panel-trend"
      result={useTrend(query)}
      csv={(trend) => ({
        fileName: fileName('trend'),
        header: [
          translate('app.dashboard.month'),
          translate('app.dashboard.received'),
          translate('app.dashboard.decided'),
          translate('app.dashboard.favourable'),
          translate('app.dashboard.resolution_rate'),
          translate('app.dashboard.decided_on_time'),
          translate('app.dashboard.sla_compliance'),
          translate('app.dashboard.forwarded'),
        ],
        rows: trend.months.map((month) => [
          month.month,
          month.received,
          month.decided,
          month.favourable,
          shareCell(month.resolutionRate),
          month.decidedOnTime,
          shareCell(month.slaCompliance),
          month.forwarded,
        ]),
      })}
    >
      {(trend) => (
        <TrendChart
          trend={trend}
          monthLink={(month) => {
            const [year, monthNumber] = month.split('-').map(Number);
            const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
            const from = `${month}-01` < query.from ? query.from : `${month}-01`;
            const to = last > query.to ? query.to : last;
            return appealLinks({ ...query, from, to, timeZone: trend.timeZone }).received;
          }}
        />
      )}
    </QueryPanel>
  );
};
