import { Edit, SimpleForm } from 'react-admin';
import { ProductInputs } from './ProductInputs';

export const ProductEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <ProductInputs />
    </SimpleForm>
  </Edit>
);
