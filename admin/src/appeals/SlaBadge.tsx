import { Chip, Tooltip } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/formatDateTime';
import type { AppealRecord } from './appealTypes';
import { SLA_STATE_COLOURS, slaCountdown } from './slaCountdown';

/**
 * The SLA state of an appeal in its colour, with the time left until the deadline (or past it); the
 * deadline itself shows on hover.
 */
export const SlaBadge = () => {
  const appeal = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  if (!appeal?.slaState) return null;
  const countdown = slaCountdown(appeal);
  const state = translate(`enums.slaState.${appeal.slaState}`);
  const label = countdown ? `${state} · ${translate(countdown.key, { smart_count: countdown.count })}` : state;
  const decided = appeal.slaState === 'met' || appeal.slaState === 'missed';
  const dueAt = appeal.dueAt ? formatDateTime(appeal.dueAt, locale) : '';
  return (
    <Tooltip title={dueAt ? translate('app.appeals.sla.due', { date: dueAt }) : ''}>
      <Chip
        size="small"
        color={SLA_STATE_COLOURS[appeal.slaState]}
        variant={decided ? 'outlined' : 'filled'}
        label={label}
        data-sla-state={appeal.slaState}
        sx={{ alignSelf: 'flex-start' }}
      />
    </Tooltip>
  );
};
