import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { PriceObservationRecord } from './priceTypes';

/** The rise over the baseline, signed, with a red badge when it is above the threshold. */
export const RiseField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<PriceObservationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.risePercent === null) return <Typography variant="body2">—</Typography>;
  const rise = record.risePercent.startsWith('-') ? record.risePercent : `+${record.risePercent}`;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" color={record.flagged ? 'error' : 'textPrimary'} data-testid="price-rise">
        {rise} %
      </Typography>
      {record.flagged && (
        <Chip size="small" color="error" label={translate('app.prices.flagged')} data-testid="price-flag" />
      )}
    </Stack>
  );
};
