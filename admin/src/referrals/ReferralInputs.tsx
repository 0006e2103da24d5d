import {
  ArrayInput,
  AutocompleteInput,
  DateInput,
  FormDataConsumer,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { OrganisationInput } from '../appeals/AppealReferenceInputs';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { notAfterToday } from './referralWorkflow';

const AGENCY_CHOICES = enumChoices('referralAgency');

/** The fields of a referral outside its funnel; the source (appeal, region) is set once, on creation. */
export const ReferralInputs = ({ isCreate }: { isCreate: boolean }) => (
  <>
    <SelectInput source="agency" choices={AGENCY_CHOICES} validate={required()} />
    <FormDataConsumer>
      {({ formData }) => (
        <TextInput
          source="agencyName"
          helperText="app.referrals.agency_name_help"
          validate={formData.agency === 'other' ? [required(), maxLength(300)] : maxLength(300)}
        />
      )}
    </FormDataConsumer>
    {isCreate && (
      <ReferenceInput source="appealId" reference="appeals" sort={{ field: 'receivedAt', order: 'DESC' }}>
        <AutocompleteInput optionText="number" helperText="app.referrals.appeal_help" />
      </ReferenceInput>
    )}
    {isCreate && (
      <ReferenceInput source="findingId" reference="findings" sort={{ field: 'createdAt', order: 'DESC' }}>
        <AutocompleteInput optionText="number" helperText="app.findings.referral_help" />
      </ReferenceInput>
    )}
    {isCreate && (
      <FormDataConsumer>
        {({ formData }) => (formData.appealId || formData.findingId ? null : <RegionInput allowNational={false} />)}
      </FormDataConsumer>
    )}
    <OrganisationInput />
    {!isCreate && (
      <ReferenceInput
        source="ownerId"
        reference="users"
        filter={{ active: true }}
        sort={{ field: 'fullName', order: 'ASC' }}
      >
        <AutocompleteInput optionText="fullName" validate={required()} />
      </ReferenceInput>
    )}
    <TextInput source="summary" validate={[required(), minLength(5), maxLength(500)]} fullWidth />
    <TextInput source="description" multiline minRows={3} validate={maxLength(20_000)} fullWidth />
    {isCreate && <DateInput source="referredOn" validate={[required(), notAfterToday]} />}
    <ArrayInput source="persons" label="resources.referrals.fields.personsInvolved">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="fullName" validate={[required(), minLength(3), maxLength(300)]} />
        <TextInput source="position" validate={maxLength(300)} />
        <TextInput source="organisation" validate={maxLength(500)} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
