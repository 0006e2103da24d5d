import { maxLength, minLength, ReferenceInput, AutocompleteInput, required, TextInput } from 'react-admin';

/** What must be fixed and who answers for it: on create, and on edit while the action is open. */
export const CorrectiveActionInputs = () => (
  <>
    <TextInput source="description" multiline minRows={3} validate={[required(), minLength(5), maxLength(5_000)]} />
    <ReferenceInput source="responsibleOrganisationId" reference="organisations">
      <AutocompleteInput optionText="name" helperText="app.correctiveActions.organisation_help" />
    </ReferenceInput>
    <TextInput source="responsiblePersonName" validate={[required(), minLength(3), maxLength(300)]} />
    <TextInput source="responsiblePersonPosition" validate={maxLength(300)} />
  </>
);
