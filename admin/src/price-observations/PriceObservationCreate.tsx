import { Create, SimpleForm } from 'react-admin';
import { PriceObservationInputs } from './PriceObservationInputs';

export const PriceObservationCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={() => ({ observedAt: new Date() })}>
      <PriceObservationInputs />
    </SimpleForm>
  </Create>
);
