import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { InspectionRecord } from './inspectionTypes';
import { STATUS_COLOURS } from './inspectionWorkflow';

export const InspectionStatusChip = () => {
  const inspection = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  if (!inspection) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOURS[inspection.status]}
      label={translate(`enums.inspectionStatus.${inspection.status}`)}
      data-status={inspection.status}
      sx={{ alignSelf: 'flex-start' }}
    />
  );
};
