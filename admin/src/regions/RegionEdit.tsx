import { Edit, SimpleForm } from 'react-admin';
import { RegionInputs } from './RegionInputs';

export const RegionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <RegionInputs />
    </SimpleForm>
  </Edit>
);
