import { Box, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DataTable,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  type SortPayload,
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

/**
 * A titled table of the records of `reference` that hang on this inspection (by `inspectionId`), each
 * opening its page: the side column's lists.
 */
const OfInspection = ({
  title,
  testId,
  reference,
  sort,
  children,
}: {
  title: string;
  testId: string;
  reference: string;
  sort: SortPayload;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }} data-testid={testId}>
      <Typography variant="subtitle1" gutterBottom>
        {translate(title)}
      </Typography>
      <ReferenceManyField reference={reference} target="inspectionId" sort={sort} perPage={100}>
        <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
          {children}
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

/** The inspection's findings, newest last, with their amounts. */
const FindingsOfInspection = () => (
  <OfInspection
    title="app.inspections.sections.findings"
    testId="inspection-findings"
    reference="findings"
    sort={{ field: 'createdAt', order: 'ASC' }}
  >
    {/* Three columns, the severity under the kind: four did not fit the side column, and cut the amounts off. */}
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
  </OfInspection>
);

/**
 * The corrective actions set on this inspection's findings, soonest deadline first, for the roles that
 * may read them.
 */
const CorrectiveActionsOfInspection = () => {
  const { canAccess, isPending } = useCanAccess({ resource: 'corrective-actions', action: 'list' });
  if (isPending || !canAccess) return null;
  return (
    <OfInspection
      title="app.inspections.sections.correctiveActions"
      testId="inspection-corrective-actions"
      reference="corrective-actions"
      sort={{ field: 'dueAt', order: 'ASC' }}
    >
      <DataTable.Col source="number" sx={{ whiteSpace: 'nowrap' }} />
      {/* The status and the deadline stacked: side by side they ran past the side column's edge. */}
      <DataTable.Col source="dueAt" label="resources.corrective-actions.fields.sla">
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <CorrectiveActionStatusChip />
          <CorrectiveActionSla />
        </Stack>
      </DataTable.Col>
    </OfInspection>
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
