import { DateInput, maxLength, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

const KIND_CHOICES = enumChoices('calendarDayKind');

export const CalendarDayInputs = () => (
  <>
    <DateInput source="date" validate={required()} />
    <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} />
    <TextInput source="nameKk" validate={[required(), maxLength(200)]} />
    <TextInput source="nameRu" validate={[required(), maxLength(200)]} />
    <TextInput source="nameEn" validate={[required(), maxLength(200)]} />
  </>
);
