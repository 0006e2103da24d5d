import EventIcon from '@mui/icons-material/Event';
import { CalendarDayCreate } from './CalendarDayCreate';
import { CalendarDayEdit } from './CalendarDayEdit';
import { CalendarDayList } from './CalendarDayList';

export default {
  list: CalendarDayList,
  edit: CalendarDayEdit,
  create: CalendarDayCreate,
  icon: EventIcon,
  recordRepresentation: (day: { date: string; name: string }) => `${day.date} ${day.name}`,
};
