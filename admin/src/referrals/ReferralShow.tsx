import { Box, Grid, Typography } from '@mui/material';
import { Children, isValidElement, type ReactNode } from 'react';
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
  useTranslate,
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

const AGENCY_CHOICES = enumChoices('referralAgency');
const VERDICT_CHOICES = enumChoices('referralVerdict');

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>
        {Children.map(children, (child) => (isValidElement(child) ? <Labeled>{child}</Labeled> : null))}
      </Box>
    </Box>
  );
};

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
    <Section title="app.referrals.sections.outcome">
      <SelectField source="verdict" choices={VERDICT_CHOICES} />
      <FunctionField<ReferralRecord>
        source="damagesRecovered"
        render={(record) => (record.damagesRecovered ? formatTenge(record.damagesRecovered) : '—')}
      />
      <TextField source="sanctions" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
    </Section>
  );
};

export const ReferralShow = () => (
  <Show actions={<ReferralShowActions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Section title="app.referrals.sections.referral">
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
        </Section>
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
