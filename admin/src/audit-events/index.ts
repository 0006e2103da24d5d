import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** Read-only: the audit trail is append-only, written by the API alongside each change. */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
};
