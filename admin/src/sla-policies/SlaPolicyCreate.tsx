import { Create, SimpleForm } from 'react-admin';
import { SlaPolicyInputs } from './SlaPolicyInputs';

export const SlaPolicyCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ goalUnit: 'working_days', warningPercent: 80, maxExtensionDays: 0 }}>
      <SlaPolicyInputs />
    </SimpleForm>
  </Create>
);
