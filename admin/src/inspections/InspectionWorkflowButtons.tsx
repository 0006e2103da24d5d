import { type InspectionAction, inspectionActionsFrom } from '@adaldesk/libs';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  type HttpError,
  maxLength,
  minLength,
  required,
  SaveButton,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import { localToday, notAfterToday } from '../referrals/referralWorkflow';
import type { InspectionRecord } from './inspectionTypes';
import { inspectionActionBody } from './inspectionWorkflow';

/** What each step asks for; `close` only asks to confirm. */
const StepFields = ({ action }: { action: InspectionAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'plan':
      return (
        <>
          <DateInput source="plannedStartOn" validate={required()} />
          <DateInput source="plannedEndOn" validate={required()} />
          <TextInput source="reason" label="app.inspections.reschedule_reason" validate={maxLength(2_000)} fullWidth />
        </>
      );
    case 'start':
      return <DateInput source="on" label="app.inspections.actual_start" validate={[required(), notAfterToday]} />;
    case 'complete':
      return (
        <>
          <DateInput source="on" label="app.inspections.actual_end" validate={[required(), notAfterToday]} />
          <TextInput source="summary" multiline minRows={3} validate={maxLength(20_000)} fullWidth />
        </>
      );
    case 'cancel':
      return (
        <TextInput
          source="reason"
          label="app.inspections.cancel_reason"
          multiline
          minRows={2}
          validate={[required(), minLength(5), maxLength(5_000)]}
          fullWidth
        />
      );
    default:
      return <DialogContentText>{translate(`app.inspections.confirm.${action}`)}</DialogContentText>;
  }
};

/** A 422 names the steps allowed now; other errors say what the API said. */
function errorMessage(error: HttpError, translate: (key: string, options?: object) => string): string {
  const allowed = (error.body as { details?: { allowed?: unknown } } | undefined)?.details?.allowed;
  if (error.status === 422 && Array.isArray(allowed)) {
    const names = allowed.map((action) => translate(`app.inspections.actions.${action}`, { _: String(action) }));
    return translate('app.inspections.illegal_transition', {
      allowed: names.length > 0 ? names.join(', ') : translate('app.appeals.no_actions'),
    });
  }
  return error.message || 'ra.notification.http_error';
}

const StepDialog = ({
  action,
  inspection,
  onClose,
}: {
  action: InspectionAction;
  inspection: InspectionRecord;
  onClose(): void;
}) => {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate(`app.inspections.actions.${action}`);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.inspectionAction({
        id: inspection.id,
        action,
        body: inspectionActionBody(action, values, inspection.version),
      });
      notify('app.appeals.action_done', { type: 'success', messageArgs: { action: label } });
      onClose();
      refresh();
    } catch (error) {
      const httpError = error as HttpError;
      notify(errorMessage(httpError, translate), { type: 'error' });
      return (httpError.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };

  const defaults = {
    on: localToday(),
    plannedStartOn: inspection.plannedStartOn,
    plannedEndOn: inspection.plannedEndOn,
    summary: inspection.summary ?? '',
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="inspection-step-title">
      <Form onSubmit={submit} defaultValues={defaults}>
        <DialogTitle id="inspection-step-title">{`${label}: ${inspection.number}`}</DialogTitle>
        <DialogContent>
          <StepFields action={action} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={label} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** One step's button, shown only to those the shared rules let take it on this inspection. */
const StepButton = ({ action, inspection }: { action: InspectionAction; inspection: InspectionRecord }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'inspections', action, record: inspection });
  const [open, setOpen] = useState(false);
  if (isPending || !canAccess) return null;
  return (
    <>
      <Button
        label={`app.inspections.actions.${action}`}
        onClick={() => setOpen(true)}
        variant="outlined"
        data-action={action}
      />
      {open && <StepDialog action={action} inspection={inspection} onClose={() => setOpen(false)} />}
    </>
  );
};

/** The steps the workflow allows from the inspection's status and the rules allow this user. */
export const InspectionWorkflowButtons = () => {
  const inspection = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  if (!inspection) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate('app.inspections.workflow')}
    >
      {inspectionActionsFrom(inspection.status).map((action) => (
        <StepButton key={action} action={action} inspection={inspection} />
      ))}
    </Stack>
  );
};
