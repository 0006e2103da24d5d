import { Box, Divider, Grid, Typography } from '@mui/material';
import {
  BooleanField,
  ChipField,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SingleFieldList,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { ReferAppealButton } from '../referrals/ReferAppealButton';
import { AppealTimeline } from './AppealTimeline';
import type { AppealRecord } from './appealTypes';
import { AppealWorkflowButtons } from './AppealWorkflowButtons';
import { SlaBadge } from './SlaBadge';
import { ShowSection } from '../common/ShowSection';

const STATUS_CHOICES = enumChoices('appealStatus');
const CHANNEL_CHOICES = enumChoices('appealChannel');
const KIND_CHOICES = enumChoices('appealKind');
const OUTCOME_CHOICES = enumChoices('appealOutcome');

const AppealShowActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <AppealWorkflowButtons />
    <ReferAppealButton />
    <EditButton />
  </TopToolbar>
);

/** The applicant, for those the rules let read personal data; the API leaves it out for the others. */
const ApplicantSection = () => {
  const appeal = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'appeals.applicantName', action: 'show', record: appeal });
  if (!appeal || !canAccess) return null;
  if (appeal.anonymous) {
    return (
      <Box component="section" sx={{ mb: 2 }}>
        <Typography variant="subtitle1">{translate('app.appeals.sections.applicant')}</Typography>
        <Typography color="text.secondary">{translate('app.appeals.anonymous_appeal')}</Typography>
      </Box>
    );
  }
  return (
    <ShowSection title="app.appeals.sections.applicant">
      <TextField source="applicantName" emptyText="—" />
      <TextField source="applicantIin" emptyText="—" />
      <TextField source="applicantBin" emptyText="—" />
      <TextField source="applicantPhone" emptyText="—" />
      <TextField source="applicantEmail" emptyText="—" />
      <TextField source="applicantAddress" emptyText="—" />
    </ShowSection>
  );
};

const DecisionSection = () => {
  const appeal = useRecordContext<AppealRecord>();
  if (!appeal || (!appeal.outcome && !appeal.forwardedToId && !appeal.decidedAt)) return null;
  return (
    <ShowSection title="app.appeals.sections.decision">
      {appeal.outcome && <SelectField source="outcome" choices={OUTCOME_CHOICES} />}
      {appeal.forwardedToId && <ReferenceField source="forwardedToId" reference="organisations" link={false} />}
      <DateTimeField source="decidedAt" emptyText="—" />
      {appeal.resolutionText && <TextField source="resolutionText" sx={{ whiteSpace: 'pre-wrap' }} />}
    </ShowSection>
  );
};

const ExtensionRequest = () => {
  const appeal = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  const request = appeal?.extensionRequest;
  if (!request) return null;
  return (
    <Labeled label="resources.appeals.fields.extensionRequest">
      <Typography variant="body2" data-testid="extension-request">
        {translate('app.appeals.extension_requested', { smart_count: request.days })}
        {' — '}
        {request.reason}
      </Typography>
    </Labeled>
  );
};

/** The appeal this one may repeat, and later ones that may repeat it (same applicant and organisation). */
const DuplicatesSection = () => {
  const appeal = useRecordContext<AppealRecord>();
  if (!appeal) return null;
  return (
    <ShowSection title="app.appeals.sections.duplicates">
      <ReferenceField source="duplicateOfId" reference="appeals" link="show" emptyText="—" />
      <ReferenceManyField
        label="resources.appeals.fields.laterDuplicates"
        reference="appeals"
        target="duplicateOfId"
        sort={{ field: 'receivedAt', order: 'ASC' }}
      >
        <SingleFieldList linkType="show" empty={<Typography variant="body2">—</Typography>}>
          <ChipField source="number" size="small" />
        </SingleFieldList>
      </ReferenceManyField>
    </ShowSection>
  );
};

const SlaPanel = () => {
  const translate = useTranslate();
  return (
    <Box component="section">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.appeals.sections.sla')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <Labeled label="resources.appeals.fields.slaState">
          <SlaBadge />
        </Labeled>
        <Labeled>
          <DateTimeField source="dueAt" />
        </Labeled>
        <Labeled>
          <DateTimeField source="warningAt" />
        </Labeled>
        <Labeled>
          <ReferenceField source="slaPolicyId" reference="sla-policies" link={false} />
        </Labeled>
        <Labeled>
          <NumberField source="extensionDays" />
        </Labeled>
        <Labeled>
          <DateTimeField source="pausedSince" emptyText="—" />
        </Labeled>
        <ExtensionRequest />
      </Box>
    </Box>
  );
};

export const AppealShow = () => (
  <Show actions={<AppealShowActions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <ShowSection title="app.appeals.sections.receipt">
          <TextField source="number" />
          <SelectField source="status" choices={STATUS_CHOICES} />
          <SelectField source="kind" choices={KIND_CHOICES} />
          <SelectField source="channel" choices={CHANNEL_CHOICES} />
          <DateTimeField source="receivedAt" />
          <DateTimeField source="registeredAt" />
          <RegionField source="regionId" />
          <ReferenceField source="registeredById" reference="users" link={false} emptyText="—" />
          <BooleanField source="confidential" />
        </ShowSection>
        <ShowSection title="app.appeals.sections.subject">
          <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
          <ReferenceField source="categoryId" reference="categories" link={false} emptyText="—" />
          <ReferenceField source="assigneeId" reference="users" link={false} emptyText="—" />
        </ShowSection>
        <Labeled>
          <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
        <Divider sx={{ my: 2 }} />
        <ApplicantSection />
        <DecisionSection />
        <DuplicatesSection />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SlaPanel />
        <AppealTimeline />
      </Grid>
    </Grid>
  </Show>
);
