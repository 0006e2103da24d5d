import { Edit, SimpleForm } from 'react-admin';
import { CalendarDayInputs } from './CalendarDayInputs';

export const CalendarDayEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <CalendarDayInputs />
    </SimpleForm>
  </Edit>
);
