import { Create, SimpleForm } from 'react-admin';
import { RegionInputs } from './RegionInputs';

export const RegionCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <RegionInputs />
    </SimpleForm>
  </Create>
);
