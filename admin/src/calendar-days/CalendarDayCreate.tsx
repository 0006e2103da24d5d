import { Create, SimpleForm } from 'react-admin';
import { CalendarDayInputs } from './CalendarDayInputs';

export const CalendarDayCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <CalendarDayInputs />
    </SimpleForm>
  </Create>
);
