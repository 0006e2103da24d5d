import { Edit, SimpleForm } from 'react-admin';
import { PriceBaselineInputs } from './PriceBaselineInputs';

export const PriceBaselineEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <PriceBaselineInputs />
    </SimpleForm>
  </Edit>
);
