import { Create, SimpleForm } from 'react-admin';
import { localToday } from '../referrals/referralWorkflow';
import { InspectionInputs } from './InspectionInputs';

/** A school inspection today by default; an inspector who leaves the lead empty leads it. */
const defaultValues = () => ({ type: 'school', plannedStartOn: localToday(), plannedEndOn: localToday() });

export const InspectionCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaultValues}>
      <InspectionInputs isCreate />
    </SimpleForm>
  </Create>
);
