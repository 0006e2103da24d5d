import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  DateTimeInput,
  email,
  FormDataConsumer,
  maxLength,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { notInFuture, validBin, validIin } from '../common/validators';
import { AssigneeInput, CategoryInput, OrganisationInput } from './AppealReferenceInputs';
import { localDateTimeToInstant } from './appealWorkflow';
import { DeadlinePreview } from './DeadlinePreview';

const CHANNEL_CHOICES = enumChoices('appealChannel');
const KIND_CHOICES = enumChoices('appealKind');
const NUMBER_INPUT = { htmlInput: { inputMode: 'numeric', maxLength: 12 } } as const;

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mt: 1 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& > *': { flex: '1 1 260px' } }}>{children}</Box>
    </Box>
  );
};

const ApplicantInputs = () => (
  <Section title="app.appeals.sections.applicant">
    <TextInput source="applicantName" validate={[required(), maxLength(300)]} />
    <TextInput source="applicantIin" validate={validIin} slotProps={NUMBER_INPUT} />
    <TextInput source="applicantBin" validate={validBin} slotProps={NUMBER_INPUT} />
    <TextInput source="applicantPhone" type="tel" validate={maxLength(50)} />
    <TextInput source="applicantEmail" type="email" validate={[email(), maxLength(254)]} />
    <TextInput source="applicantAddress" validate={maxLength(500)} />
  </Section>
);

/**
 * The fields of an appeal. Where and when it arrived (`receivedAt`, region, anonymity) are fixed at
 * registration; the rest stays editable. The assignee is given at triage, or edited later.
 */
export const AppealInputs = ({ isCreate }: { isCreate: boolean }) => (
  <>
    <Section title="app.appeals.sections.receipt">
      <SelectInput source="channel" choices={CHANNEL_CHOICES} validate={required()} />
      <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
      {isCreate && (
        <DateTimeInput source="receivedAt" validate={[required(), notInFuture]} parse={localDateTimeToInstant} />
      )}
      {isCreate && <RegionInput allowNational={false} />}
    </Section>
    {isCreate && <DeadlinePreview />}
    <Section title="app.appeals.sections.subject">
      <OrganisationInput />
      <CategoryInput />
      {!isCreate && <AssigneeInput />}
    </Section>
    <TextInput source="description" multiline minRows={3} validate={[required(), maxLength(20_000)]} />
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
      {isCreate && <BooleanInput source="anonymous" helperText="app.appeals.anonymous_help" />}
      <BooleanInput source="confidential" helperText="app.appeals.confidential_help" />
    </Box>
    <FormDataConsumer<{ anonymous?: boolean }>>
      {({ formData }) => (formData.anonymous ? null : <ApplicantInputs />)}
    </FormDataConsumer>
  </>
);
