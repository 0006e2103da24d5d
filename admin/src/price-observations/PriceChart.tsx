import { Box, Typography } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import type { PriceObservationRecord } from './priceTypes';
import { formatPrice } from './tengePrice';

const DAY = 86_400_000;

interface ChartPoint {
  day: string;
  price: number;
  baseline: number | null;
  flagged: boolean;
  priceText: string;
  baselineText: string | null;
}

/**
 * The price of one product at one market over the last twelve months, beside the baseline each price
 * was judged against (the region's median or the admin's value). Numbers go to the chart as floats
 * for drawing only; every figure shown as text comes from the exact decimal strings.
 */
export const PriceChart = ({ productId, marketId }: { productId: string; marketId: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const from = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
  const { data = [], isPending } = useGetList<PriceObservationRecord>('price-observations', {
    filter: { productId, marketId, observedOn_gte: from },
    sort: { field: 'observedOn', order: 'ASC' },
    pagination: { page: 1, perPage: 400 },
  });
  if (isPending) return null;
  const points: ChartPoint[] = data.map((observation) => ({
    day: observation.observedOn,
    price: Number(observation.price),
    baseline: observation.baselinePrice === null ? null : Number(observation.baselinePrice),
    flagged: observation.flagged,
    priceText: formatPrice(observation.price, locale),
    baselineText: observation.baselinePrice === null ? null : formatPrice(observation.baselinePrice, locale),
  }));
  return (
    <Box sx={{ mt: 2 }} data-testid="price-chart">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.prices.chart.title')}
      </Typography>
      {points.length === 0 ? (
        <Typography variant="body2">{translate('app.prices.chart.empty')}</Typography>
      ) : (
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" minTickGap={24} />
            <YAxis width={72} domain={['auto', 'auto']} />
            <Tooltip
              formatter={(_value, name, item) => {
                const point = item.payload as ChartPoint;
                return name === translate('app.prices.chart.price') ? point.priceText : (point.baselineText ?? '—');
              }}
            />
            <Legend />
            <Line
              type="monotone"
              dataKey="price"
              name={translate('app.prices.chart.price')}
              stroke="#1565c0"
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: ChartPoint }) => (
                <circle
                  key={props.index}
                  cx={props.cx}
                  cy={props.cy}
                  r={props.payload?.flagged ? 5 : 2}
                  fill={props.payload?.flagged ? '#d32f2f' : '#1565c0'}
                  stroke="none"
                />
              )}
            />
            <Line
              type="stepAfter"
              dataKey="baseline"
              name={translate('app.prices.chart.baseline')}
              stroke="#757575"
              strokeDasharray="6 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};
