import TimerIcon from '@mui/icons-material/Timer';
import { SlaPolicyCreate } from './SlaPolicyCreate';
import { SlaPolicyEdit } from './SlaPolicyEdit';
import { SlaPolicyList } from './SlaPolicyList';

export default {
  list: SlaPolicyList,
  edit: SlaPolicyEdit,
  create: SlaPolicyCreate,
  icon: TimerIcon,
  recordRepresentation: 'name',
};
