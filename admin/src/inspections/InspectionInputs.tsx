import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  FormDataConsumer,
  maxLength,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { enumChoices } from '../common/choices';

/** Active inspectors (the list is scoped to the user's region by the API). */
const INSPECTORS = { active: true, role: 'inspector' };

/** The planned dates are not before each other. */
const endNotBeforeStart = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' && typeof values.plannedStartOn === 'string' && value < values.plannedStartOn
    ? 'app.inspections.end_before_start'
    : undefined;

export const InspectorInput = ({
  source = 'leadInspectorId',
  helperText,
}: {
  source?: string;
  helperText?: string;
}) => (
  <ReferenceInput source={source} reference="users" filter={INSPECTORS} sort={{ field: 'fullName', order: 'ASC' }}>
    <AutocompleteInput optionText="fullName" helperText={helperText} />
  </ReferenceInput>
);

export const TeamInput = () => (
  <ReferenceArrayInput
    source="teamIds"
    reference="users"
    filter={INSPECTORS}
    sort={{ field: 'fullName', order: 'ASC' }}
  >
    <AutocompleteArrayInput optionText="fullName" helperText="app.inspections.team_help" />
  </ReferenceArrayInput>
);

/**
 * Planning: the type, the school or market (its region is the inspection's), the dates, lead and team.
 * On edit the type, organisation and dates are not offered: dates move with the step "reschedule".
 */
export const InspectionInputs = ({ isCreate }: { isCreate: boolean }) => (
  <>
    {isCreate && <SelectInput source="type" choices={enumChoices('inspectionType')} validate={required()} />}
    {isCreate && (
      <FormDataConsumer>
        {({ formData }) => (
          <ReferenceInput
            source="organisationId"
            reference="organisations"
            filter={formData.type ? { type: formData.type } : {}}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput validate={required()} helperText="app.inspections.organisation_help" />
          </ReferenceInput>
        )}
      </FormDataConsumer>
    )}
    {isCreate && <DateInput source="plannedStartOn" validate={required()} />}
    {isCreate && <DateInput source="plannedEndOn" validate={[required(), endNotBeforeStart]} />}
    <InspectorInput helperText={isCreate ? 'app.inspections.lead_help' : undefined} />
    <TeamInput />
    <TextInput source="notes" multiline minRows={2} validate={maxLength(20_000)} fullWidth />
    {!isCreate && <TextInput source="summary" multiline minRows={2} validate={maxLength(20_000)} fullWidth />}
  </>
);
