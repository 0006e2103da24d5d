import PostAddIcon from '@mui/icons-material/PostAdd';
import {
  Button,
  type HttpError,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { FindingRecord } from '../inspections/inspectionTypes';
import type { AdalDeskDataProvider } from '../providers/dataProvider';

/** Registers an appeal from the finding, once, for those who register appeals in its region. */
export const OpenAppealButton = () => {
  const finding = useRecordContext<FindingRecord>();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({
    resource: 'findings',
    action: 'open-appeal',
    record: finding,
    enabled: !!finding,
  });
  if (!finding || !canAccess || finding.openedAppealId) return null;
  const open = async () => {
    try {
      await dataProvider.step('findings', finding.id, 'open-appeal', { version: finding.version });
      notify('app.findings.appeal_opened', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Button label="app.findings.open_appeal" onClick={open} data-testid="open-appeal">
      <PostAddIcon />
    </Button>
  );
};
