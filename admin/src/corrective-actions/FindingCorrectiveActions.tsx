import { Box, Stack, Typography } from '@mui/material';
import { DataTable, ReferenceManyField, useCanAccess, useTranslate } from 'react-admin';
import { CorrectiveActionSla, CorrectiveActionStatusChip } from './CorrectiveActionStatusChip';
import { CreateCorrectiveActionButton } from './CreateCorrectiveActionButton';

/**
 * The corrective actions of the finding on its page, soonest deadline first, and "set a corrective
 * action" for those the rules let create one. Hidden from roles that may not read corrective actions.
 */
export const FindingCorrectiveActions = () => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'corrective-actions', action: 'list' });
  if (isPending || !canAccess) return null;
  return (
    <Box component="section" sx={{ mt: 2 }} data-testid="finding-corrective-actions">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1">
          {translate('resources.corrective-actions.name', { smart_count: 2 })}
        </Typography>
        <CreateCorrectiveActionButton />
      </Stack>
      <ReferenceManyField reference="corrective-actions" target="findingId" sort={{ field: 'dueAt', order: 'ASC' }}>
        <DataTable
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography variant="body2">{translate('app.correctiveActions.none')}</Typography>}
        >
          <DataTable.Col source="number" />
          <DataTable.Col source="dueAt" label="resources.corrective-actions.fields.sla">
            <CorrectiveActionSla />
          </DataTable.Col>
          <DataTable.Col source="status">
            <CorrectiveActionStatusChip />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};
