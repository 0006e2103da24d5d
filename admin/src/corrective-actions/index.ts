import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { CorrectiveActionCreate } from './CorrectiveActionCreate';
import { CorrectiveActionEdit } from './CorrectiveActionEdit';
import { CorrectiveActionList } from './CorrectiveActionList';
import { CorrectiveActionShow } from './CorrectiveActionShow';

export default {
  list: CorrectiveActionList,
  show: CorrectiveActionShow,
  edit: CorrectiveActionEdit,
  create: CorrectiveActionCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: 'number',
};
