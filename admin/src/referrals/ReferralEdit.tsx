import { Edit, SimpleForm } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { ReferralInputs } from './ReferralInputs';

// Pessimistic: version conflicts and field errors must reach the form. The stage moves only through
// the funnel steps on the show page; referrals are never deleted.
export const ReferralEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <ReferralInputs isCreate={false} />
    </SimpleForm>
  </Edit>
);
