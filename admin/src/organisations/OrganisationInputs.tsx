import { maxLength, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { validBin } from '../common/validators';

const TYPE_CHOICES = enumChoices('organisationType');

export const OrganisationInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(300)]} />
    <TextInput source="bin" validate={validBin} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12 } }} />
    <SelectInput source="type" choices={TYPE_CHOICES} validate={required()} />
    <RegionInput />
    <TextInput source="address" multiline validate={maxLength(500)} />
  </>
);
