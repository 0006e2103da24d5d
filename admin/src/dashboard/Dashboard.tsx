import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  ButtonGroup,
  Chip,
  CircularProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { OPEN_SLA_STATES, REFERRAL_STATUSES } from '@adaldesk/libs';
import { useEffect, useState } from 'react';
import {
  Title,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetOne,
  useLocale,
  useNotify,
  useStore,
  useTranslate,
} from 'react-admin';
import { formatTenge } from '../common/formatTenge';
import { localizedName, type MultilingualName } from '../common/localizedName';
import { saveFile } from '../common/saveFile';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { SessionUser } from '../providers/session';
import type { ReferralFunnel } from '../referrals/referralTypes';
import { BacklogChart, FunnelChart, TrendChart } from './DashboardCharts';
import { appealLinks, DIMENSION_FILTERS, listLink, percentText, periodPresets, shareCell } from './dashboardLinks';
import { civilToday, instantRange, OFFICE_TIME_ZONE } from '../officeTime';
import { BreakdownTable, breakdownCsv, countText, FigureLink, KpiCard, Panel } from './DashboardParts';
import type { Breakdown, BreakdownRow, DashboardQuery, FindingStats, Overview, Trend } from './statsTypes';

const TOP = 10;

interface Figures {
  overview: Overview;
  trend: Trend;
  categories: Breakdown;
  organisations: Breakdown;
  regions: Breakdown | null;
  findings: FindingStats | null;
  funnel: ReferralFunnel | null;
}

/** Every panel's figures for one query, read in parallel; read again when the query changes. */
function useFigures(query: DashboardQuery, options: { regions: boolean; findings: boolean; referrals: boolean }) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const [state, setState] = useState<{ figures: Figures | null; error: string | null; loading: boolean }>({
    figures: null,
    error: null,
    loading: true,
  });
  const key = JSON.stringify([query, options]);
  useEffect(() => {
    let current = true;
    const params = { from: query.from, to: query.to, regionId: query.regionId };
    setState((previous) => ({ ...previous, loading: true }));
    Promise.all([
      dataProvider.stats<Overview>('overview', params),
      dataProvider.stats<Trend>('trend', params),
      dataProvider.stats<Breakdown>('breakdown', { ...params, dimension: 'category' }),
      dataProvider.stats<Breakdown>('breakdown', { ...params, dimension: 'organisation' }),
      options.regions ? dataProvider.stats<Breakdown>('breakdown', { ...params, dimension: 'region' }) : null,
      options.findings ? dataProvider.stats<FindingStats>('findings', params) : null,
      options.referrals ? dataProvider.referralFunnel(params) : null,
    ])
      .then(([overview, trend, categories, organisations, regions, findings, funnel]) => {
        if (current) {
          setState({
            figures: { overview, trend, categories, organisations, regions, findings, funnel },
            error: null,
            loading: false,
          });
        }
      })
      .catch((error: Error) => current && setState({ figures: null, error: error.message, loading: false }));
    return () => {
      current = false;
    };
    // `key` stands for the query and the options, which are new objects on every render.
  }, [dataProvider, key]);
  return state;
}

/**
 * The managers' dashboard: the period's decisions (KPIs and their trend), the backlog now, where
 * appeals come from, the referral funnel and inspection findings, and for a national user the regions
 * side by side. Every count opens the list it counts, with the same filter; every panel downloads as
 * CSV; the period's report prints as PDF.
 */
export const Dashboard = ({ user }: { user: SessionUser }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const national = user.regionId === null;
  const { canAccess: canReadFindings } = useCanAccess({ resource: 'findings', action: 'list' });
  const { canAccess: canReadReferrals } = useCanAccess({ resource: 'referrals', action: 'list' });

  const today = civilToday(OFFICE_TIME_ZONE);
  const presets = periodPresets(today);
  const [stored, setQuery] = useStore<DashboardQuery>(`dashboard.query.${user.id}`, presets.twelveMonths);
  // A period stored on an earlier day keeps its dates; a region only a national user may choose.
  const query: DashboardQuery = { ...stored, regionId: national ? stored.regionId : undefined };
  const [draft, setDraft] = useState({ from: query.from, to: query.to });
  useEffect(() => setDraft({ from: query.from, to: query.to }), [query.from, query.to]);

  const options = {
    regions: national && !query.regionId,
    findings: !!canReadFindings,
    referrals: !!canReadReferrals,
  };
  const { figures, error, loading } = useFigures(query, options);
  const { data: regions = [] } = useGetList<MultilingualName & { id: string }>(
    'regions',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'nameKk', order: 'ASC' } },
    { enabled: national },
  );
  const { data: ownRegion } = useGetOne<MultilingualName & { id: string }>(
    'regions',
    { id: user.regionId ?? '' },
    { enabled: !national },
  );
  const regionName = national
    ? query.regionId
      ? localizedName(
          regions.find((region) => region.id === query.regionId),
          locale,
        )
      : translate('app.national')
    : localizedName(ownRegion, locale);

  const timeZone = figures?.overview.timeZone ?? OFFICE_TIME_ZONE;
  const scope = { from: query.from, to: query.to, regionId: query.regionId, timeZone };
  const links = appealLinks(scope);
  const keyLinks = (dimension: string) => (row: BreakdownRow) => {
    const filter = DIMENSION_FILTERS[dimension];
    const rowLinks = appealLinks(scope, row.key === null ? { [`${filter}_null`]: true } : { [filter]: row.key });
    return { received: rowLinks.received, decided: rowLinks.decided, open: rowLinks.open };
  };
  const fileName = (panel: string) =>
    `adaldesk-${panel}-${query.from}-${query.to}${query.regionId ? `-${regionName}` : ''}.csv`.replace(/\s+/g, '_');
  const none = translate('app.dashboard.none');

  const apply = (next: Partial<DashboardQuery>) => setQuery({ ...query, ...next });
  const applyDraft = () => {
    if (!draft.from || !draft.to || draft.from > draft.to) {
      notify('app.dashboard.bad_period', { type: 'warning' });
      return;
    }
    apply(draft);
  };
  const printReport = async () => {
    try {
      const { blob, fileName: name } = await dataProvider.statsReport({ ...query, lang: locale });
      saveFile(blob, name ?? `adaldesk-report-${query.from}-${query.to}.pdf`);
    } catch (reportError) {
      notify((reportError as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="dashboard">
      <Title title="app.dashboard.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }} data-testid="dashboard-scope">
          {regionName ? translate('app.dashboard.heading', { region: regionName }) : translate('app.dashboard.title')}
        </Typography>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={printReport} data-testid="dashboard-report">
          {translate('app.dashboard.report')}
        </Button>
      </Box>
      <Box
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}

        role="toolbar"
        aria-label={translate('app.dashboard.period')}
      >
        <ButtonGroup size="small" aria-label={translate('app.dashboard.period')}>
          {(Object.keys(presets) as (keyof typeof presets)[]).map((name) => (
            <Button
              key={name}
              variant={query.from === presets[name].from && query.to === presets[name].to ? 'contained' : 'outlined'}
              onClick={() => apply(presets[name])}
            >
              {translate(`app.dashboard.presets.${name}`)}
            </Button>
          ))}
        </ButtonGroup>
        <TextField
          type="date"
          size="small"
          sx={{ width: 170 }}
          label={translate('app.dashboard.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          onBlur={applyDraft}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-from' } }}
        />
        <TextField
          type="date"
          size="small"
          sx={{ width: 170 }}
          label={translate('app.dashboard.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          onBlur={applyDraft}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-to' } }}
        />
        {national && (
          <TextField
            select
            size="small"
            sx={{ width: 260 }}
            label={translate('app.dashboard.region')}
            value={query.regionId ?? ''}
            onChange={(event) => apply({ regionId: event.target.value || undefined })}
            slotProps={{
              inputLabel: { shrink: true },
              select: { displayEmpty: true },
              htmlInput: { 'data-testid': 'dashboard-region' },
            }}
          >
            <MenuItem value="">{translate('app.dashboard.all_regions')}</MenuItem>
            {regions.map((region) => (
              <MenuItem key={region.id} value={region.id}>
                {localizedName(region, locale)}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>

      {error && <Alert severity="error">{error}</Alert>}
      {!figures && loading && <CircularProgress aria-label={translate('ra.page.loading')} />}
      {figures && (
        <Stack spacing={2} sx={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
          <Typography variant="body2" color="text.secondary" data-testid="dashboard-period">
            {translate('app.dashboard.as_of', {
              from: figures.overview.from,
              to: figures.overview.to,
              asOf: new Date(figures.overview.asOf).toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-KZ`, {
                timeZone,
                dateStyle: 'short',
                timeStyle: 'short',
              }),
            })}
          </Typography>
          <Kpis overview={figures.overview} links={links} fileName={fileName} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
            <Panel
              title={translate('app.dashboard.trend')}
              testId="panel-trend"
              csv={() => ({
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
                rows: figures.trend.months.map((month) => [
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
              <TrendChart
                trend={figures.trend}
                monthLink={(month) => {
                  const [year, monthNumber] = month.split('-').map(Number);
                  const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
                  const from = `${month}-01` < query.from ? query.from : `${month}-01`;
                  const to = last > query.to ? query.to : last;
                  return appealLinks({ ...scope, from, to }).received;
                }}
              />
            </Panel>
            <Panel
              title={translate('app.dashboard.backlog')}
              testId="panel-backlog"
              csv={() => ({
                fileName: fileName('backlog'),
                header: [translate('app.dashboard.age'), translate('app.dashboard.open')],
                rows: figures.overview.backlogByAge.map((bucket) => [bucket.bucket, bucket.count]),
              })}
            >
              <BacklogChart buckets={figures.overview.backlogByAge} bucketLink={links.backlog} />
            </Panel>
          </Box>
          {figures.regions && (
            <Panel
              title={translate('app.dashboard.regions')}
              testId="panel-regions"
              csv={() =>
                breakdownCsv(
                  figures.regions!.rows,
                  translate('app.dashboard.region'),
                  locale,
                  none,
                  translate,
                  fileName('regions'),
                )
              }
            >
              <BreakdownTable
                rows={figures.regions.rows}
                keyHeader={translate('app.dashboard.region')}
                linksOf={keyLinks('region')}
                testId="regions"
                onName={(row) => apply({ regionId: row.key ?? undefined })}
              />
            </Panel>
          )}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <Panel
              title={translate('app.dashboard.top_categories', { count: TOP })}
              testId="panel-categories"
              csv={() =>
                breakdownCsv(
                  figures.categories.rows,
                  translate('app.dashboard.category'),
                  locale,
                  none,
                  translate,
                  fileName('categories'),
                )
              }
            >
              <BreakdownTable
                rows={figures.categories.rows.slice(0, TOP)}
                keyHeader={translate('app.dashboard.category')}
                linksOf={keyLinks('category')}
                testId="categories"
              />
            </Panel>
            <Panel
              title={translate('app.dashboard.top_organisations', { count: TOP })}
              testId="panel-organisations"
              csv={() =>
                breakdownCsv(
                  figures.organisations.rows,
                  translate('app.dashboard.organisation'),
                  locale,
                  none,
                  translate,
                  fileName('organisations'),
                )
              }
            >
              <BreakdownTable
                rows={figures.organisations.rows.slice(0, TOP)}
                keyHeader={translate('app.dashboard.organisation')}
                linksOf={keyLinks('organisation')}
                testId="organisations"
              />
            </Panel>
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            {figures.funnel && <FunnelPanel funnel={figures.funnel} fileName={fileName} />}
            {figures.findings && <FindingsPanel findings={figures.findings} fileName={fileName} timeZone={timeZone} />}
          </Box>
        </Stack>
      )}
    </Box>
  );
};

/** The KPI cards and the open appeals by SLA state, each opening its list. */
const Kpis = ({
  overview,
  links,
  fileName,
}: {
  overview: Overview;
  links: ReturnType<typeof appealLinks>;
  fileName: (panel: string) => string;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const count = (value: number) => countText(value, locale);
  return (
    <Panel
      title={translate('app.dashboard.kpis')}
      testId="panel-kpis"
      csv={() => ({
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
    </Panel>
  );
};

const FUNNEL_STEPS = ['referred', 'underReview', 'caseOpened', 'sentToCourt', 'verdict', 'convicted'] as const;
/** The bars of the funnel, each opening the referrals that reached it. */
const REACHED_STEPS = [...FUNNEL_STEPS.slice(1), 'refused'] as const;

/** A labelled row of small chips, each a named count that opens its list. */
const FigureChips = ({
  label,
  figures,
}: {
  label: string;
  figures: { key: string; label: string; to: string; testId: string; count: number }[];
}) => {
  const locale = useLocale();
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1, alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary">
        {label}:
      </Typography>
      {figures.map((figure) => (
        <Chip
          key={figure.key}
          size="small"
          variant="outlined"
          label={
            <>
              {figure.label}:{' '}
              <FigureLink to={figure.to} testId={figure.testId} count={figure.count}>
                {countText(figure.count, locale)}
              </FigureLink>
            </>
          }
        />
      ))}
    </Stack>
  );
};

/** The referral funnel of the period, and where its referrals stand now (each status opens its list). */
const FunnelPanel = ({ funnel, fileName }: { funnel: ReferralFunnel; fileName: (panel: string) => string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const stepLabel = (step: string) => translate(`app.dashboard.funnel.${step}`);
  const base = {
    ...(funnel.regionId ? { regionId: funnel.regionId } : {}),
    referredOn_gte: funnel.from,
    referredOn_lte: funnel.to,
  };
  return (
    <Panel
      title={translate('app.dashboard.funnel.title')}
      testId="panel-funnel"
      csv={() => ({
        fileName: fileName('referral-funnel'),
        header: [translate('app.dashboard.figure'), translate('app.dashboard.value')],
        rows: [
          ...FUNNEL_STEPS.map((step) => [stepLabel(step), funnel.counts[step]]),
          [stepLabel('refused'), funnel.counts.refused],
          ...REFERRAL_STATUSES.map((status) => [
            `${translate('app.dashboard.funnel.now')}: ${translate(`enums.referralStatus.${status}`)}`,
            funnel.current[status],
          ]),
          [translate('app.dashboard.funnel.damages'), funnel.damagesRecovered],
        ],
      })}
    >
      <FunnelChart
        steps={[...FUNNEL_STEPS, 'refused' as const].map((step) => ({
          name: step,
          label: stepLabel(step),
          count: funnel.counts[step],
        }))}
      />
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('app.dashboard.funnel.referred')}:{' '}
        <FigureLink to={listLink('referrals', base)} testId="funnel-referred-link" count={funnel.counts.referred}>
          {countText(funnel.counts.referred, locale)}
        </FigureLink>
        {' · '}
        {translate('app.dashboard.funnel.damages')}: {formatTenge(funnel.damagesRecovered, locale)}
      </Typography>
      <FigureChips
        label={translate('app.dashboard.funnel.reached')}
        figures={REACHED_STEPS.map((step) => ({
          key: step,
          label: stepLabel(step),
          to: listLink('referrals', { ...base, reached: step }),
          testId: `funnel-step-${step}`,
          count: funnel.counts[step],
        }))}
      />
      <FigureChips
        label={translate('app.dashboard.funnel.now')}
        figures={REFERRAL_STATUSES.map((status) => ({
          key: status,
          label: translate(`enums.referralStatus.${status}`),
          to: listLink('referrals', { ...base, status }),
          testId: `funnel-now-${status}`,
          count: funnel.current[status],
        }))}
      />
    </Panel>
  );
};

/** Inspection findings of the period by kind: how many, and how many tenge, each count opening its list. */
const FindingsPanel = ({
  findings,
  fileName,
  timeZone,
}: {
  findings: FindingStats;
  fileName: (panel: string) => string;
  timeZone: string;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const period = instantRange(findings.from, findings.to, timeZone);
  const link = (kind?: string) =>
    listLink('findings', {
      ...(findings.regionId ? { regionId: findings.regionId } : {}),
      ...(kind ? { kind } : {}),
      createdAt_gte: period.gte,
      createdAt_lte: period.lte,
    });
  const kinds = findings.kinds.filter((row) => row.count > 0);
  return (
    <Panel
      title={translate('app.dashboard.findings')}
      testId="panel-findings"
      csv={() => ({
        fileName: fileName('findings'),
        header: [
          translate('resources.findings.fields.kind'),
          translate('app.dashboard.count'),
          translate('app.dashboard.amount'),
        ],
        rows: [
          ...findings.kinds.map((row) => [translate(`enums.findingKind.${row.kind}`), row.count, row.amount]),
          [translate('app.dashboard.total'), findings.total.count, findings.total.amount],
        ],
      })}
    >
      <Table size="small" data-testid="findings">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.findings.fields.kind')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.count')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {kinds.map((row) => (
            <TableRow key={row.kind}>
              <TableCell>{translate(`enums.findingKind.${row.kind}`)}</TableCell>
              <TableCell align="right">
                <FigureLink to={link(row.kind)} testId={`findings-${row.kind}`} count={row.count}>
                  {countText(row.count, locale)}
                </FigureLink>
              </TableCell>
              <TableCell align="right">{formatTenge(row.amount, locale)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate('app.dashboard.total')}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              <FigureLink to={link()} testId="findings-total" count={findings.total.count}>
                {countText(findings.total.count, locale)}
              </FigureLink>
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="findings-total-amount">
              {formatTenge(findings.total.amount, locale)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Panel>
  );
};
