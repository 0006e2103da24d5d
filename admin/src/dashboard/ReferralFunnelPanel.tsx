import { REFERRAL_STATUSES } from '@adaldesk/libs';
import { Chip, Stack, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { formatTenge } from '../common/formatTenge';
import type { ReferralFunnel } from '../referrals/referralTypes';
import { FunnelChart } from './DashboardCharts';
import { listLink } from './dashboardLinks';
import { countText, type DashboardPanelProps, FigureLink, QueryPanel } from './DashboardParts';
import { usePeriodReferralFunnel } from './useDashboardStats';

const FUNNEL_STEPS = ['referred', 'underReview', 'caseOpened', 'sentToCourt', 'verdict', 'convicted'] as const;
/** The bars of the funnel, each opening the referrals that reached it. */
const REACHED_STEPS = [...FUNNEL_STEPS.slice(1), 'refused'] as const;

/** The referral funnel of the period, and where its referrals stand now (each status opens its list). */
export const ReferralFunnelPanel = ({ query, fileName }: DashboardPanelProps) => {
  const translate = useTranslate();
  const stepLabel = (step: string) => translate(`app.dashboard.funnel.${step}`);
  return (
    <QueryPanel
      title={translate('app.dashboard.funnel.title')}
      testId="panel-funnel"
      result={usePeriodReferralFunnel(query)}
      csv={(funnel) => ({
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
      {(funnel) => <Funnel funnel={funnel} stepLabel={stepLabel} />}
    </QueryPanel>
  );
};

const Funnel = ({ funnel, stepLabel }: { funnel: ReferralFunnel; stepLabel: (step: string) => string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const base = {
    ...(funnel.regionId ? { regionId: funnel.regionId } : {}),
    referredOn_gte: funnel.from,
    referredOn_lte: funnel.to,
  };
  return (
    <>
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
    </>
  );
};

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
