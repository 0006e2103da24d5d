import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ReferralRecord } from './referralTypes';
import { STAGE_COLOURS } from './referralWorkflow';

/** The referral's stage of the funnel in its colour; with the verdict once there is one. */
export const StageChip = () => {
  const referral = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  if (!referral) return null;
  const stage = translate(`enums.referralStatus.${referral.status}`);
  const label = referral.verdict ? `${stage}: ${translate(`enums.referralVerdict.${referral.verdict}`)}` : stage;
  return (
    <Chip
      size="small"
      color={STAGE_COLOURS[referral.status]}
      label={label}
      data-stage={referral.status}
      sx={{ alignSelf: 'flex-start' }}
    />
  );
};
