import { Box, Typography } from '@mui/material';
import { useListContext, useLocale, useTranslate } from 'react-admin';
import { KpiCard } from '../dashboard/DashboardParts';
import { useReferralFunnel } from '../providers/apiQueries';
import { formatTenge } from '../common/formatTenge';

// Kept importable from here for the referral screens.
export { formatTenge };

const percent = (value: number | null) => (value === null ? '' : `${Math.round(value * 100)}%`);

interface FunnelFiguresProps {
  regionId?: string;
  agency?: string;
  /** Anything that changes when the referrals do, so the figures are read again. */
  refreshKey?: unknown;
}

/**
 * The funnel of the last twelve months from `/api/stats/referral-funnel`: counts at each step and the
 * conversion from the step before, with the damages recovered.
 */
export const FunnelFigures = ({ regionId, agency, refreshKey }: FunnelFiguresProps) => {
  const translate = useTranslate();
  const locale = useLocale();
  // The figures are a summary above the list: shown once they have come, left out if they do not.
  const { data: funnel, isError } = useReferralFunnel({ regionId, agency }, { refreshKey });

  if (!funnel || isError) return null;
  const { counts, conversion } = funnel;
  const of = (value: number | null) =>
    value === null ? undefined : translate('app.referrals.funnel.of_previous', { percent: percent(value) });
  return (
    <Box
      component="section"
      sx={{ p: 2, pb: 1 }}
      aria-label={translate('app.referrals.funnel.label')}
      data-testid="funnel-panel"
    >
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.referrals.funnel.title', { from: funnel.from, to: funnel.to })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <KpiCard testId="funnel-referred" label={translate('app.referrals.funnel.referred')} value={counts.referred} />
        <KpiCard
          testId="funnel-under-review"
          label={translate('app.referrals.funnel.under_review')}
          value={counts.underReview}
          note={of(conversion.underReview)}
        />
        <KpiCard
          testId="funnel-case-opened"
          label={translate('app.referrals.funnel.case_opened')}
          value={counts.caseOpened}
          note={of(conversion.caseOpened)}
        />
        <KpiCard testId="funnel-refused" label={translate('app.referrals.funnel.refused')} value={counts.refused} />
        <KpiCard
          testId="funnel-sent-to-court"
          label={translate('app.referrals.funnel.sent_to_court')}
          value={counts.sentToCourt}
          note={of(conversion.sentToCourt)}
        />
        <KpiCard
          testId="funnel-convicted"
          label={translate('app.referrals.funnel.convicted')}
          value={counts.convicted}
          note={translate('app.referrals.funnel.verdicts', { smart_count: counts.verdict })}
        />
        <KpiCard
          testId="funnel-damages"
          label={translate('app.referrals.funnel.damages')}
          value={formatTenge(funnel.damagesRecovered, locale)}
        />
      </Box>
    </Box>
  );
};

/** The funnel above the referral list, for the region and agency the list is filtered by. */
export const FunnelPanel = () => {
  const { filterValues = {}, total } = useListContext();
  return (
    <FunnelFigures
      regionId={typeof filterValues.regionId === 'string' ? filterValues.regionId : undefined}
      agency={typeof filterValues.agency === 'string' ? filterValues.agency : undefined}
      refreshKey={total}
    />
  );
};
