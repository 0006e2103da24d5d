import { Typography } from '@mui/material';
import { DataTable, List, SelectField, SelectInput, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ResourceListActions } from '../common/ResourceListActions';

const KIND_CHOICES = enumChoices('calendarDayKind');

const thisYear = new Date().getFullYear();
// The calendar is seeded a few years ahead; a few years back keeps past deadlines explainable.
const YEAR_CHOICES = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i).map((year) => ({
  id: year,
  name: String(year),
}));

const calendarDayFilters = [
  <SelectInput key="year" source="year" choices={YEAR_CHOICES} translateChoice={false} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
];

// The stored value is a local date (YYYY-MM-DD), read as UTC midnight: format it in UTC to keep the day.
const DATE_FORMAT: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

const CalendarHelp = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate('app.calendar.help')}
    </Typography>
  );
};

export const CalendarDayList = () => (
  <List
    filters={calendarDayFilters}
    filterDefaultValues={{ year: thisYear }}
    actions={<ResourceListActions />}
    sort={{ field: 'date', order: 'ASC' }}
    perPage={100}
  >
    <CalendarHelp />
    <DataTable>
      <DataTable.Col source="date">
        <DateTimeField source="date" showTime={false} options={DATE_FORMAT} />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="nameKk" />
      <DataTable.Col source="nameRu" />
      <DataTable.Col source="nameEn" />
    </DataTable>
  </List>
);
