import { Create, SimpleForm } from 'react-admin';
import { ReferralInputs } from './ReferralInputs';
import { localToday } from './referralWorkflow';

/**
 * Materials are referred today in the user's region unless said otherwise; "refer" on an appeal opens
 * this form with the appeal already chosen (its region and organisation then come from it).
 */
const defaultValues = () => ({ referredOn: localToday(), agency: 'anti_corruption' });

export const ReferralCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <ReferralInputs isCreate />
    </SimpleForm>
  </Create>
);
