import { maxLength, maxValue, minValue, NumberInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

const UNIT_CHOICES = enumChoices('slaUnit');

export const SlaPolicyInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[a-z][a-z0-9_]{1,49}$/, 'app.validation.code')]} />
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <NumberInput
      source="goalAmount"
      step={1}
      validate={[required(), minValue(1), maxValue(365)]}
      helperText="app.sla_policies.goal_help"
    />
    <SelectInput source="goalUnit" choices={UNIT_CHOICES} validate={required()} />
    <NumberInput source="warningPercent" step={1} validate={[required(), minValue(1), maxValue(99)]} />
    <NumberInput source="maxExtensionDays" step={1} validate={[required(), minValue(0), maxValue(365)]} />
    <NumberInput source="warningDaysBefore" step={1} validate={[minValue(0), maxValue(364)]} />
  </>
);
