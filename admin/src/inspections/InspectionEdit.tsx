import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { InspectionInputs } from './InspectionInputs';

/** The team, notes and summary; inspections are never deleted (cancel them instead). */
export const InspectionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <InspectionInputs isCreate={false} />
    </SimpleForm>
  </Edit>
);
