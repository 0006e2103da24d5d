import { OPEN_SLA_STATES } from '@adaldesk/libs';
import { Chip, Stack, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { appealLinks, percentText, shareCell } from './dashboardLinks';
import { countText, type DashboardPanelProps, FigureLink, KpiCard, QueryPanel } from './DashboardParts';
import type { Overview } from './statsTypes';
import { useOverview } from './useDashboardStats';

/** The period's key figures and the open appeals by SLA state, each opening its list. */
export const KpiPanel = ({ query, fileName }: DashboardPanelProps) => {
  const translate = useTranslate();
  return (
    <QueryPanel
      title={translate('app.dashboard.kpis')}
      testId="panel-kpis"
      result={useOverview(query)}
      csv={(overview) => ({
        fileName: fileName('kpis'),
        header: [translate('app.dashboard.figure'), translate('app.dashboard.value')],
        rows: [
          [translate('app.dashboard.received'), overview.received],
          [translate('app.dashboard.decided'), overview.decided],
          [translate('app.dashboard.favourable'), overview.favourable],
          [translate('app.dashboard.resolution_rate'), shareCell(overview.resolutionRate)],
          [translate('app.dashboard.decided_on_time'), overview.decidedOnTime],
          [translate('app.dashboard.sla_compliance'), shareCell(overview.slaCompliance)],
          [translate('app.dashboard.median_days'), overview.medianWorkingDaysToDecision],
          [translate('app.dashboard.forwarded'), overview.forwarded],
          [translate('app.dashboard.open'), overview.open.total],
          ...OPEN_SLA_STATES.map((state) => [translate(`enums.slaState.${state}`), overview.open[state]]),
        ],
      })}
    >
      {(overview) => <Kpis overview={overview} links={appealLinks({ ...query, timeZone: overview.timeZone })} />}
    </QueryPanel>
  );
};

const Kpis = ({ overview, links }: { overview: Overview; links: ReturnType<typeof appealLinks> }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const count = (value: number) => countText(value, locale);
  return (
    <>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        <KpiCard
          label={translate('app.dashboard.received')}
          value={count(overview.received)}
          to={links.received}
          count={overview.received}
          testId="kpi-received"
        />
        <KpiCard
          label={translate('app.dashboard.decided')}
          value={count(overview.decided)}
          to={links.decided}
          count={overview.decided}
          testId="kpi-decided"
          note={translate('app.dashboard.forwarded_note', { count: count(overview.forwarded) })}
        />
        <KpiCard
          label={translate('app.dashboard.resolution_rate')}
          value={percentText(overview.resolutionRate, locale)}
          testId="kpi-resolution-rate"
          note={translate('app.dashboard.of_decided', { part: count(overview.favourable) })}
          to={links.favourable}
          count={overview.favourable}
        />
        <KpiCard
          label={translate('app.dashboard.sla_compliance')}
          value={percentText(overview.slaCompliance, locale)}
          testId="kpi-sla-compliance"
          note={translate('app.dashboard.on_time_note', { part: count(overview.decidedOnTime) })}
          to={links.decidedOnTime}
          count={overview.decidedOnTime}
        />
        <KpiCard
          label={translate('app.dashboard.median_days')}
          value={
            overview.medianWorkingDaysToDecision === null
              ? '—'
              : overview.medianWorkingDaysToDecision.toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-KZ`)
          }
          testId="kpi-median-days"
        />
        <KpiCard
          label={translate('app.dashboard.open')}
          value={count(overview.open.total)}
          to={links.open}
          count={overview.open.total}
          testId="kpi-open"
        />
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1.5, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.open_by_state')}
        </Typography>
        {OPEN_SLA_STATES.map((state) => (
          <Chip
            key={state}
            variant="outlined"
            color={state === 'breached' ? 'error' : state === 'at_risk' ? 'warning' : 'default'}
            label={
              <>
                {translate(`enums.slaState.${state}`)}:{' '}
                <FigureLink to={links.openInState(state)} testId={`open-${state}`} count={overview.open[state]}>
                  {count(overview.open[state])}
                </FigureLink>
              </>
            }
          />
        ))}
      </Stack>
    </>
  );
};
