import { Edit, SimpleForm } from 'react-admin';
import { SlaPolicyInputs } from './SlaPolicyInputs';

export const SlaPolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <SlaPolicyInputs />
    </SimpleForm>
  </Edit>
);
