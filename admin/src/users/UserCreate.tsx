import { Create, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true, regionId: null }}>
      <UserInputs isCreate />
    </SimpleForm>
  </Create>
);
