import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Stack, Typography } from '@mui/material';
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
import { localizedName, type MultilingualName } from '../common/localizedName';
import { saveFile } from '../common/saveFile';
import { civilToday, OFFICE_TIME_ZONE } from '../officeTime';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { SessionUser } from '../providers/session';
import { BacklogPanel } from './BacklogPanel';
import { BreakdownPanel } from './BreakdownPanel';
import { DashboardFilters } from './DashboardFilters';
import { periodPresets } from './dashboardLinks';
import { FindingsPanel } from './FindingsPanel';
import { KpiPanel } from './KpiPanel';
import { ReferralFunnelPanel } from './ReferralFunnelPanel';
import type { DashboardQuery } from './statsTypes';
import { TrendPanel } from './TrendPanel';
import { useOverview } from './useDashboardStats';

/** Rows of the category and organisation tables (their CSVs have every row). */
const TOP = 10;

/**
 * The managers' dashboard: the period's decisions (KPIs and their trend), the backlog now, where
 * appeals come from, the referral funnel and inspection findings, and for a national user the regions
 * side by side. Each panel reads its own figures for the period and region chosen here; every count
 * opens the list it counts, with the same filter; every panel downloads as CSV; the period's report
 * prints as PDF.
 */
export const Dashboard = ({ user }: { user: SessionUser }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const national = user.regionId === null;
  const { canAccess: canReadFindings } = useCanAccess({ resource: 'findings', action: 'list' });
  const { canAccess: canReadReferrals } = useCanAccess({ resource: 'referrals', action: 'list' });

  const presets = periodPresets(civilToday(OFFICE_TIME_ZONE));
  const [stored, setQuery] = useStore<DashboardQuery>(`dashboard.query.${user.id}`, presets.twelveMonths);
  // A period stored on an earlier day keeps its dates; a region only a national user may choose.
  const query: DashboardQuery = { ...stored, regionId: national ? stored.regionId : undefined };
  const apply = (next: Partial<DashboardQuery>) => setQuery({ ...query, ...next });

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

  const fileName = (panel: string) =>
    `adaldesk-${panel}-${query.from}-${query.to}${query.regionId ? `-${regionName}` : ''}.csv`.replace(/\s+/g, '_');
  const panel = { query, fileName };

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
      <DashboardFilters query={query} presets={presets} regions={national ? regions : null} onChange={apply} />

      <Stack spacing={2}>
        <FiguresAsOf query={query} />
        <KpiPanel {...panel} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
          <TrendPanel {...panel} />
          <BacklogPanel {...panel} />
        </Box>
        {national && !query.regionId && (
          <BreakdownPanel
            {...panel}
            dimension="region"
            title={translate('app.dashboard.regions')}
            onName={(row) => apply({ regionId: row.key ?? undefined })}
          />
        )}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          <BreakdownPanel
            {...panel}
            dimension="category"
            title={translate('app.dashboard.top_categories', { count: TOP })}
            top={TOP}
          />
          <BreakdownPanel
            {...panel}
            dimension="organisation"
            title={translate('app.dashboard.top_organisations', { count: TOP })}
            top={TOP}
          />
        </Box>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          {canReadReferrals && <ReferralFunnelPanel {...panel} />}
          {canReadFindings && <FindingsPanel {...panel} />}
        </Box>
      </Stack>
    </Box>
  );
};

/** What the figures cover and when they were counted, as the API answered for the key figures. */
const FiguresAsOf = ({ query }: { query: DashboardQuery }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { data: overview } = useOverview(query);
  if (!overview) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="dashboard-period">
      {translate('app.dashboard.as_of', {
        from: overview.from,
        to: overview.to,
        asOf: new Date(overview.asOf).toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-KZ`, {
          timeZone: overview.timeZone,
          dateStyle: 'short',
          timeStyle: 'short',
        }),
      })}
    </Typography>
  );
};
