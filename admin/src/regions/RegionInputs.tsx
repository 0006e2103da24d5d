import { maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

const KIND_CHOICES = enumChoices('regionKind');
const nameValidators = [required(), maxLength(200)];

export const RegionInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^KZ-[A-Z0-9]{2,6}$/, 'app.validation.region_code')]} />
    <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
    <TextInput source="nameKk" validate={nameValidators} />
    <TextInput source="nameRu" validate={nameValidators} />
    <TextInput source="nameEn" validate={nameValidators} />
  </>
);
