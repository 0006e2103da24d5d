import { Create, SimpleForm } from 'react-admin';
import { CategoryInputs } from './CategoryInputs';

export const CategoryCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true }}>
      <CategoryInputs />
    </SimpleForm>
  </Create>
);
