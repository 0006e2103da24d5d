import { BooleanInput, maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

const nameValidators = [required(), maxLength(200)];
/** Above 0, at most 1000, two decimals; empty uses the office-wide threshold. */
const PERCENT = /^(?!0+(\.0{1,2})?$)(\d{1,3}(\.\d{1,2})?|1000(\.0{1,2})?)$/;

export const ProductInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[a-z][a-z0-9_]{1,49}$/, 'app.validation.code')]} />
    <TextInput source="nameKk" validate={nameValidators} />
    <TextInput source="nameRu" validate={nameValidators} />
    <TextInput source="nameEn" validate={nameValidators} />
    <SelectInput source="unit" choices={enumChoices('productUnit')} validate={required()} />
    <TextInput
      source="riseThresholdPercent"
      validate={regex(PERCENT, 'app.prices.percent_invalid')}
      parse={(v) => v || null}
    />
    <BooleanInput source="active" />
  </>
);
