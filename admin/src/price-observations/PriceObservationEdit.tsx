import { Edit, SimpleForm } from 'react-admin';
import { PriceObservationInputs } from './PriceObservationInputs';

/** A correction: the price is judged again against its baseline when saved. */
export const PriceObservationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <PriceObservationInputs />
    </SimpleForm>
  </Edit>
);
