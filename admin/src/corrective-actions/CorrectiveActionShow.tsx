import { Box, Grid } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { CivilDateField } from '../referrals/CivilDateField';
import { CorrectiveActionSla, CorrectiveActionStatusChip } from './CorrectiveActionStatusChip';
import { CorrectiveActionTimeline } from './CorrectiveActionTimeline';
import type { CorrectiveActionRecord } from './correctiveActionTypes';
import { CorrectiveActionWorkflowButtons } from './CorrectiveActionWorkflowButtons';
import { FindingLink } from './FindingLink';
import { ShowSection } from '../common/ShowSection';

/** Editing (the wording and who answers) is for an open action and those who may change it. */
const EditIfOpen = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  const { canAccess } = useCanAccess({ resource: 'corrective-actions', action: 'edit', record });
  return record?.status === 'open' && canAccess ? <EditButton /> : null;
};

const Actions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <CorrectiveActionWorkflowButtons />
    <EditIfOpen />
  </TopToolbar>
);

/** The body's report and the inspector's check, once there are any. */
const VerificationSection = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  if (!record?.reportedOn && !record?.rejectionReason && !record?.cancelReason) return null;
  return (
    <ShowSection title="app.correctiveActions.sections.verification">
      <CivilDateField source="reportedOn" emptyText="—" />
      <TextField source="reportNote" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <CivilDateField source="verifiedOn" emptyText="—" />
      <TextField source="verificationNote" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <ReferenceField source="verifiedById" reference="users" link={false} emptyText="—" />
      <TextField source="rejectionReason" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <TextField source="cancelReason" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
    </ShowSection>
  );
};

export const CorrectiveActionShow = () => (
  <Show actions={<Actions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <ShowSection title="app.correctiveActions.sections.action">
          <TextField source="number" />
          <FunctionField source="status" render={() => <CorrectiveActionStatusChip />} />
          <FindingLink source="findingId" />
          <RegionField source="regionId" />
          <ReferenceField source="leadInspectorId" reference="users" link={false} emptyText="—" />
          <ReferenceField source="responsibleOrganisationId" reference="organisations" link={false} emptyText="—" />
          <TextField source="responsiblePersonName" />
          <TextField source="responsiblePersonPosition" emptyText="—" />
        </ShowSection>
        <Box sx={{ mb: 2 }}>
          <Labeled>
            <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
        </Box>
        <ShowSection title="app.correctiveActions.sections.deadline">
          <FunctionField source="slaState" render={() => <CorrectiveActionSla />} />
          <DateTimeField source="dueAt" />
          <DateTimeField source="warningAt" />
          <DateTimeField source="issuedAt" />
          <NumberField source="termWorkingDays" emptyText="—" />
          <CivilDateField source="dueOn" emptyText="—" />
          <NumberField source="extensionDays" />
        </ShowSection>
        <VerificationSection />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <CorrectiveActionTimeline />
      </Grid>
    </Grid>
  </Show>
);
