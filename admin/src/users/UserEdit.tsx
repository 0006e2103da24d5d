import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserInputs } from './UserInputs';

// Pessimistic: the API's field errors and version conflicts must reach the form before leaving it.
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <UserInputs isCreate={false} />
    </SimpleForm>
  </Edit>
);
