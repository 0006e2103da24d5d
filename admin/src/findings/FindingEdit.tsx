import { Edit, SimpleForm } from 'react-admin';
import { FindingInputs } from './FindingInputs';

// Pessimistic: version conflicts and field errors must reach the form.
export const FindingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <FindingInputs />
    </SimpleForm>
  </Edit>
);
