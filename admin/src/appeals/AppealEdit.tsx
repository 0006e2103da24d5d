import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { AppealInputs } from './AppealInputs';

// Pessimistic: the API's field errors and version conflicts must reach the form before leaving it.
// Appeals are never deleted, and their status moves only through the workflow steps on the show page.
export const AppealEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <AppealInputs isCreate={false} />
    </SimpleForm>
  </Edit>
);
