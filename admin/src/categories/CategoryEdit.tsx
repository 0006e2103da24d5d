import { Edit, SimpleForm } from 'react-admin';
import { CategoryInputs } from './CategoryInputs';

export const CategoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <CategoryInputs />
    </SimpleForm>
  </Edit>
);
