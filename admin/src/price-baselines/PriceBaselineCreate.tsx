import { Create, SimpleForm } from 'react-admin';
import { PriceBaselineInputs } from './PriceBaselineInputs';

export const PriceBaselineCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <PriceBaselineInputs />
    </SimpleForm>
  </Create>
);
