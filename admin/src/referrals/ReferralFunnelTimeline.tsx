import { REFERRAL_STATUS_DATES, REFERRAL_WORKFLOW, type ReferralStatus } from '@adaldesk/libs';
import { Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { AppealTimelineEvent } from '../appeals/appealTypes';
import { formatDateTime } from '../common/formatDateTime';
import { useTimeline } from '../providers/apiQueries';
import type { ReferralRecord } from './referralTypes';

const MAIN_ROAD: ReferralStatus[] = ['referred', 'under_review', 'case_opened', 'sent_to_court', 'verdict'];

/** The stages this referral's funnel shows: the main road, or the road to a refusal. */
function stagesOf(referral: ReferralRecord): ReferralStatus[] {
  if (referral.status !== 'refused') return MAIN_ROAD;
  return referral.reviewStartedOn ? ['referred', 'under_review', 'refused'] : ['referred', 'refused'];
}

/** The status each audited action led to: who recorded a stage, and when. */
function recordedStages(events: AppealTimelineEvent[]): Map<ReferralStatus, AppealTimelineEvent> {
  const byStage = new Map<ReferralStatus, AppealTimelineEvent>();
  for (const event of events) {
    if (event.action === 'create') byStage.set('referred', event);
    const step = REFERRAL_WORKFLOW[event.action as keyof typeof REFERRAL_WORKFLOW];
    if (step) byStage.set(step.to, event);
  }
  return byStage;
}

/** A day in words; Kazakh takes numbers, as ICU's Kazakh month names read "2026 M11 24". */
const formatDay = (day: string, locale: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale === 'ru' ? 'ru-RU' : locale === 'kk' ? 'kk-KZ' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: locale === 'kk' ? '2-digit' : 'long',
    day: locale === 'kk' ? '2-digit' : 'numeric',
  });

/**
 * The funnel of one referral as a vertical line of stages: the date of each stage reached (from the
 * record) and who recorded it when (from the audit trail); stages still ahead are greyed.
 */
export const ReferralFunnelTimeline = () => {
  const referral = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  // Without its history the funnel still shows each stage's date, only not who recorded it.
  const { data: events = [] } = useTimeline('referrals', referral?.id, referral?.version);

  if (!referral) return null;
  const stages = stagesOf(referral);
  const recorded = recordedStages(events);
  const reached = stages.filter((stage) => referral[REFERRAL_STATUS_DATES[stage]]).length;

  return (
    <>
      <Typography variant="subtitle1">{translate('app.referrals.sections.funnel')}</Typography>
      <Stepper orientation="vertical" activeStep={reached - 1} data-testid="referral-funnel">
        {stages.map((stage) => {
          const day = referral[REFERRAL_STATUS_DATES[stage]];
          const event = recorded.get(stage);
          return (
            <Step key={stage} completed={!!day} expanded>
              <StepLabel optional={day ? <Typography variant="body2">{formatDay(day, locale)}</Typography> : undefined}>
                {translate(`enums.referralStatus.${stage}`)}
              </StepLabel>
              <StepContent>
                {event && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate('app.referrals.recorded_by', {
                      who: event.actorEmail ?? translate('app.system'),
                      when: formatDateTime(event.occurredAt, locale),
                    })}
                  </Typography>
                )}
                {stage === 'case_opened' && referral.registerNumber && (
                  <Typography variant="body2">{`${translate('resources.referrals.fields.registerNumber')}: ${referral.registerNumber}`}</Typography>
                )}
                {stage === 'refused' && referral.refusalReason && (
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {referral.refusalReason}
                  </Typography>
                )}
                {stage === 'verdict' && referral.verdict && (
                  <Typography variant="body2">{translate(`enums.referralVerdict.${referral.verdict}`)}</Typography>
                )}
              </StepContent>
            </Step>
          );
        })}
      </Stepper>
    </>
  );
};
