import { ArrayInput, maxLength, minLength, required, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { tengeFromInput } from '../inspections/inspectionWorkflow';

/** Tenge as typed ("45 000 000"); the form sends the exact decimal string. */
export const tengeValidator = (value: unknown) =>
  value === undefined || value === null || value === '' || tengeFromInput(value) !== null
    ? undefined
    : 'app.findings.amount_invalid';

/** The amount as the API takes it: a decimal string, or null when left empty. */
export const tengeOrNull = (value: unknown) =>
  value === '' || value === undefined ? null : (tengeFromInput(value) ?? value);

/** What a finding says: its kind, how grave, the money, who is responsible and what to do. */
export const FindingInputs = () => (
  <>
    <SelectInput source="kind" choices={enumChoices('findingKind')} validate={required()} />
    <SelectInput source="severity" choices={enumChoices('findingSeverity')} validate={required()} />
    <TextInput source="amount" helperText="app.findings.amount_help" validate={tengeValidator} parse={tengeOrNull} />
    <TextInput
      source="description"
      multiline
      minRows={3}
      validate={[required(), minLength(10), maxLength(20_000)]}
      fullWidth
    />
    <TextInput source="recommendedMeasure" multiline minRows={2} validate={maxLength(5_000)} fullWidth />
    <ArrayInput source="officials">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="fullName" validate={[required(), minLength(3), maxLength(300)]} />
        <TextInput source="position" validate={maxLength(300)} />
        <SelectInput source="outcome" choices={enumChoices('disciplinaryOutcome')} defaultValue="pending" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
