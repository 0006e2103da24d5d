import { Box, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SingleFieldList,
  ChipField,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { isInspectionWritable } from '@adaldesk/libs';
import { enumChoices } from '../common/choices';
import { RegionField } from '../common/RegionField';
import { AmountField } from '../findings/FindingShow';
import { CivilDateField } from '../referrals/CivilDateField';
import { ChecklistPanel } from './ChecklistPanel';
import type { InspectionRecord } from './inspectionTypes';
import { InspectionWorkflowButtons } from './InspectionWorkflowButtons';
import { QuickFindingForm } from './QuickFindingForm';
import { InspectionTimeline } from './InspectionTimeline';
import { InspectionStatusChip } from './StatusChip';
import { ShowSection } from '../common/ShowSection';
import { CorrectiveActionSla, CorrectiveActionStatusChip } from '../corrective-actions/CorrectiveActionStatusChip';

const InspectionShowActions = () => {
  const inspection = useRecordContext<InspectionRecord>();
  const { canAccess } = useCanAccess({
    resource: 'inspections',
    action: 'update',
    record: inspection,
    enabled: !!inspection,
  });
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <InspectionWorkflowButtons />
      {canAccess && inspection && isInspectionWritable(inspection.status) && <EditButton />}
    </TopToolbar>
  );
};

/** The inspection's findings, newest last, with their amounts. */
const FindingsOfInspection = () => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }} data-testid="inspection-findings">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.inspections.sections.findings')}
      </Typography>
      <ReferenceManyField
        reference="findings"
        target="inspectionId"
        sort={{ field: 'createdAt', order: 'ASC' }}
        perPage={100}
      >
        {/* Three columns, the severity under the kind: four did not fit the side column, and cut the amounts off. */}
        <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
          <DataTable.Col source="number" sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={enumChoices('findingKind')} />
            <SelectField
              source="severity"
              choices={enumChoices('findingSeverity')}
              sx={{ display: 'block', typography: 'caption', color: 'text.secondary' }}
            />
          </DataTable.Col>
          <DataTable.Col source="amount" align="right" sx={{ whiteSpace: 'nowrap' }}>
            <AmountField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

/**
 * The corrective actions set on this inspection's findings, soonest deadline first, for the roles that
 * may read them; each opens its page.
 */
const CorrectiveActionsOfInspection = () => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'corrective-actions', action: 'list' });
  if (isPending || !canAccess) return null;
  return (
    <Box component="section" sx={{ mb: 2 }} data-testid="inspection-corrective-actions">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.inspections.sections.correctiveActions')}
      </Typography>
      <ReferenceManyField
        reference="corrective-actions"
        target="inspectionId"
        sort={{ field: 'dueAt', order: 'ASC' }}
        perPage={100}
      >
        <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
          <DataTable.Col source="number" sx={{ whiteSpace: 'nowrap' }} />
          {/* The status and the deadline stacked: side by side they ran past the side column's edge. */}
          <DataTable.Col source="dueAt" label="resources.corrective-actions.fields.sla">
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <CorrectiveActionStatusChip />
              <CorrectiveActionSla />
            </Stack>
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

export const InspectionShow = () => (
  <Show actions={<InspectionShowActions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <ShowSection title="app.inspections.sections.inspection">
          <TextField source="number" />
          <FunctionField source="status" render={() => <InspectionStatusChip />} />
          <SelectField source="type" choices={enumChoices('inspectionType')} />
          <ReferenceField source="organisationId" reference="organisations" link={false} />
          <RegionField source="regionId" />
          <ReferenceField source="leadInspectorId" reference="users" link={false} />
          <ReferenceArrayField source="teamIds" reference="users">
            <SingleFieldList linkType={false}>
              <ChipField source="fullName" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </ShowSection>
        <ShowSection title="app.inspections.sections.dates">
          <CivilDateField source="plannedStartOn" />
          <CivilDateField source="plannedEndOn" />
          <CivilDateField source="actualStartOn" emptyText="—" />
          <CivilDateField source="actualEndOn" emptyText="—" />
        </ShowSection>
        <Box sx={{ display: 'grid', gap: 2, mb: 2 }}>
          <Labeled>
            <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
          <Labeled>
            <TextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
          <Labeled>
            <TextField source="cancelReason" emptyText="—" />
          </Labeled>
        </Box>
        <ChecklistPanel />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <QuickFindingForm />
        <FindingsOfInspection />
        <CorrectiveActionsOfInspection />
        <InspectionTimeline />
      </Grid>
    </Grid>
  </Show>
);
