import { Box, Stack, Typography } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLocale, useNavigate, useTranslate } from 'react-admin';
import { countText, FigureLink } from './DashboardParts';
import type { BacklogBucket, Trend } from './statsTypes';

const COLOURS = {
  received: '#90a4ae',
  decided: '#1976d2',
  resolution: '#2e7d32',
  compliance: '#ed6c02',
};

/**
 * Month by month: appeals received and decided (bars, left axis) and the resolution rate and SLA
 * compliance (lines, right axis, percent). Clicking a month opens the appeals received in it.
 */
export const TrendChart = ({ trend, monthLink }: { trend: Trend; monthLink: (month: string) => string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const locale = useLocale();
  const points = trend.months.map((month) => ({
    month: month.month,
    received: month.received,
    decided: month.decided,
    resolutionRate: month.resolutionRate === null ? null : Math.round(month.resolutionRate * 1000) / 10,
    slaCompliance: month.slaCompliance === null ? null : Math.round(month.slaCompliance * 1000) / 10,
  }));
  const monthName = (month: string) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : `${locale}-KZ`, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
  return (
    <Box data-testid="trend-chart" sx={{ width: '100%', height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          onClick={(state) => {
            const month = points[Number(state?.activeTooltipIndex)]?.month;
            if (month) navigate(monthLink(month));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" tickFormatter={monthName} />
          <YAxis yAxisId="count" allowDecimals={false} />
          <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" />
          <Tooltip labelFormatter={(month) => monthName(String(month))} />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="received"
            name={translate('app.dashboard.received')}
            fill={COLOURS.received}
            cursor="pointer"
          />
          <Bar
            yAxisId="count"
            dataKey="decided"
            name={translate('app.dashboard.decided')}
            fill={COLOURS.decided}
            cursor="pointer"
          />
          <Line
            yAxisId="share"
            dataKey="resolutionRate"
            name={translate('app.dashboard.resolution_rate')}
            stroke={COLOURS.resolution}
            strokeWidth={2}
            unit="%"
            connectNulls
          />
          <Line
            yAxisId="share"
            dataKey="slaCompliance"
            name={translate('app.dashboard.sla_compliance')}
            stroke={COLOURS.compliance}
            strokeWidth={2}
            unit="%"
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
};

const BACKLOG_COLOURS = ['#81c784', '#aed581', '#ffb74d', '#ff8a65', '#e57373'];

/** Open appeals by working days since registration; each bar and figure opens its appeals. */
export const BacklogChart = ({
  buckets,
  bucketLink,
}: {
  buckets: BacklogBucket[];
  bucketLink: (bucket: BacklogBucket) => string;
}) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const locale = useLocale();
  const label = (bucket: BacklogBucket) => translate('app.dashboard.working_days', { days: bucket.bucket });
  const points = buckets.map((bucket) => ({ ...bucket, label: label(bucket) }));
  return (
    <>
      <Box sx={{ width: '100%', height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar
              dataKey="count"
              name={translate('app.dashboard.open')}
              cursor="pointer"
              onClick={(_, index) => navigate(bucketLink(buckets[index]))}
            >
              {points.map((point, index) => (
                <Cell key={point.bucket} fill={BACKLOG_COLOURS[index % BACKLOG_COLOURS.length]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mt: 1 }}>
        {buckets.map((bucket) => (
          <Typography key={bucket.bucket} variant="body2">
            {label(bucket)}:{' '}
            <FigureLink to={bucketLink(bucket)} testId={`backlog-${bucket.bucket}`} count={bucket.count}>
              {countText(bucket.count, locale)}
            </FigureLink>
          </Typography>
        ))}
      </Stack>
    </>
  );
};

/** Steps of the referral funnel as horizontal bars, largest first by nature of a funnel. */
export const FunnelChart = ({ steps }: { steps: { name: string; label: string; count: number }[] }) => (
  <Box sx={{ width: '100%', height: 40 * steps.length + 20 }}>
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={steps} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} />
        <Tooltip />
        <Bar dataKey="count" fill="#5c6bc0" label={{ position: 'right' }} />
      </BarChart>
    </ResponsiveContainer>
  </Box>
);
