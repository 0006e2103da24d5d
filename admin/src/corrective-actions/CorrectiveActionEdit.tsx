import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { CorrectiveActionInputs } from './CorrectiveActionInputs';

/** Corrections to an open action's wording and who answers for it; its deadline moves only by extension. */
export const CorrectiveActionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <CorrectiveActionInputs />
    </SimpleForm>
  </Edit>
);
