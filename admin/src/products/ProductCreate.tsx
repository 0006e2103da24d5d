import { Create, SimpleForm } from 'react-admin';
import { ProductInputs } from './ProductInputs';

export const ProductCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true }}>
      <ProductInputs />
    </SimpleForm>
  </Create>
);
