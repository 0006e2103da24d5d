import { Box, Grid, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { CivilDateField } from './CivilDateField';
import { formatTenge } from './FunnelPanel';
import { ReferralFunnelTimeline } from './ReferralFunnelTimeline';
import type { ReferralRecord } from './referralTypes';
import { ReferralWorkflowButtons } from './ReferralWorkflowButtons';
import { StageChip } from './StageChip';
import { ShowSection } from '../common/ShowSection';

const AGENCY_CHOICES = enumChoices('referralAgency');
const VERDICT_CHOICES = enumChoices('referralVerdict');

const ReferralShowActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <ReferralWorkflowButtons />
    <EditButton />
  </TopToolbar>
);

/** What the court decided and what was recovered, once there is a verdict. */
const OutcomeSection = () => {
  const referral = useRecordContext<ReferralRecord>();
  if (!referral?.verdict) return null;
  return (
    <ShowSection title="app.referrals.sections.outcome">
      <SelectField source="verdict" choices={VERDICT_CHOICES} />
      <FunctionField<ReferralRecord>
        source="damagesRecovered"
        render={(record) => (record.damagesRecovered ? formatTenge(record.damagesRecovered) : '—')}
      />
      <TextField source="sanctions" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
    </ShowSection>
  );
};

export const ReferralShow = () => (
  <Show actions={<ReferralShowActions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <ShowSection title="app.referrals.sections.referral">
          <TextField source="number" />
          <FunctionField source="status" render={() => <StageChip />} />
          <SelectField source="agency" choices={AGENCY_CHOICES} />
          <TextField source="agencyName" emptyText="—" />
          <CivilDateField source="referredOn" />
          <RegionField source="regionId" />
          <ReferenceField source="appealId" reference="appeals" link="show" emptyText="—" />
          <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
          <ReferenceField source="ownerId" reference="users" link={false} emptyText="—" />
          <TextField source="registerNumber" emptyText="—" />
          <DateTimeField source="followUpDueAt" emptyText="—" />
        </ShowSection>
        <Box sx={{ display: 'grid', gap: 2, mb: 2 }}>
          <Labeled>
            <TextField source="summary" />
          </Labeled>
          <Labeled>
            <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
        </Box>
        <OutcomeSection />
        <Labeled label="resources.referrals.fields.personsInvolved">
          <ArrayField source="persons">
            <DataTable bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
              <DataTable.Col source="fullName" label="resources.referrals.fields.persons.fullName" />
              <DataTable.Col source="position" label="resources.referrals.fields.persons.position" />
              <DataTable.Col source="organisation" label="resources.referrals.fields.persons.organisation" />
            </DataTable>
          </ArrayField>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <ReferralFunnelTimeline />
      </Grid>
    </Grid>
  </Show>
);
