import { useTranslate } from 'react-admin';
import { BacklogChart } from './DashboardCharts';
import { appealLinks } from './dashboardLinks';
import { type DashboardPanelProps, QueryPanel } from './DashboardParts';
import { useOverview } from './useDashboardStats';

/** Open appeals now by working days since registration, each bucket opening its appeals. */
export const BacklogPanel = ({ query, fileName }: DashboardPanelProps) => {
  const translate = useTranslate();
  return (
    <QueryPanel
      title={translate('app.dashboard.backlog')}
      testId="panel-backlog"
      // The backlog comes with the key figures: one request serves both panels.
      result={useOverview(query)}
      csv={(overview) => ({
        fileName: fileName('backlog'),
        header: [translate('app.dashboard.age'), translate('app.dashboard.open')],
        rows: overview.backlogByAge.map((bucket) => [bucket.bucket, bucket.count]),
      })}
    >
      {(overview) => (
        <BacklogChart
          buckets={overview.backlogByAge}
          bucketLink={appealLinks({ ...query, timeZone: overview.timeZone }).backlog}
        />
      )}
    </QueryPanel>
  );
};
