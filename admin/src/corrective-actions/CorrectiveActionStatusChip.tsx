import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { SlaBadge } from '../appeals/SlaBadge';
import type { CorrectiveActionRecord } from './correctiveActionTypes';

const STATUS_COLOURS = {
  open: 'default',
  reported_done: 'info',
  verified: 'success',
  cancelled: 'default',
} as const;

export const CorrectiveActionStatusChip = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOURS[record.status]}
      variant={record.status === 'cancelled' ? 'outlined' : 'filled'}
      label={translate(`enums.correctiveActionStatus.${record.status}`)}
      data-status={record.status}
    />
  );
};

/** The appeals' SLA badge (state, time left, deadline on hover); a cancelled action has no deadline left to show. */
export const CorrectiveActionSla = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  if (!record || record.status === 'cancelled') return null;
  return <SlaBadge />;
};
