import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  required,
  SaveButton,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import { AssigneeInput } from './AppealReferenceInputs';

/** Gives the selected appeals to one person (`POST /api/appeals/bulk/assign`). */
export const BulkAssignButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);

  const assign = async ({ assigneeId }: { assigneeId?: string }) => {
    try {
      const { updated } = await dataProvider.bulkAssign({
        ids: selectedIds.map(String),
        assigneeId: assigneeId ?? null,
      });
      notify('app.appeals.bulk_assigned', { type: 'success', messageArgs: { smart_count: updated.length } });
      setOpen(false);
      onUnselectItems();
      refresh();
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <>
      <Button label="app.appeals.bulk_assign" onClick={() => setOpen(true)} startIcon={<AssignmentIndIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form onSubmit={assign}>
          <DialogTitle>{translate('app.appeals.bulk_assign_title', { smart_count: selectedIds.length })}</DialogTitle>
          <DialogContent>
            <AssigneeInput validate={required()} />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="app.appeals.assign" icon={<AssignmentIndIcon />} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
