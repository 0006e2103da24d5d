import NotificationsIcon from '@mui/icons-material/Notifications';
import { NotificationList } from './NotificationList';

/** Each user's own notifications, written by the API (assignments, deadline warnings and breaches). */
export default {
  list: NotificationList,
  icon: NotificationsIcon,
};
