import { BooleanInput, maxLength, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';

const nameValidators = [required(), maxLength(200)];

export const CategoryInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[a-z][a-z0-9_]{1,49}$/, 'app.validation.code')]} />
    <TextInput source="nameKk" validate={nameValidators} />
    <TextInput source="nameRu" validate={nameValidators} />
    <TextInput source="nameEn" validate={nameValidators} />
    <ReferenceInput source="slaPolicyId" reference="sla-policies" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <BooleanInput source="active" />
  </>
);
