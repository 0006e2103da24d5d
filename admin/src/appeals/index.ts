import InboxIcon from '@mui/icons-material/MoveToInbox';
import { AppealCreate } from './AppealCreate';
import { AppealEdit } from './AppealEdit';
import { AppealList } from './AppealList';
import { AppealShow } from './AppealShow';

export default {
  list: AppealList,
  show: AppealShow,
  edit: AppealEdit,
  create: AppealCreate,
  icon: InboxIcon,
  recordRepresentation: 'number',
};
