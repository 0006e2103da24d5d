import { type CorrectiveActionAction, correctiveActionActionsFrom } from '@adaldesk/libs';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  type HttpError,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
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
import { notAfterToday } from '../referrals/referralWorkflow';
import { correctiveActionStepBody, STEP_FIELDS } from './correctiveActionSteps';
import type { CorrectiveActionRecord } from './correctiveActionTypes';

const StepField = ({ source, kind }: { source: string; kind: 'date' | 'text' | 'days' }) => {
  const label = `app.correctiveActions.fields.${source}`;
  switch (kind) {
    case 'date':
      return (
        <DateInput
          source={source}
          label={label}
          validate={notAfterToday}
          helperText="app.correctiveActions.today_if_empty"
        />
      );
    case 'days':
      return <NumberInput source={source} label={label} step={1} validate={[required(), minValue(1), maxValue(365)]} />;
    case 'text':
      return (
        <TextInput
          source={source}
          label={label}
          multiline
          minRows={2}
          validate={[required(), minLength(5), maxLength(5_000)]}
        />
      );
  }
};

/** A 422 names the steps allowed now; a 400 names the fields, shown next to them. */
function errorMessage(error: HttpError, translate: (key: string, options?: object) => string): string {
  const allowed = (error.body as { details?: { allowed?: unknown } } | undefined)?.details?.allowed;
  if (error.status === 422 && Array.isArray(allowed)) {
    const names = allowed.map((action) => translate(`app.correctiveActions.actions.${action}`, { _: String(action) }));
    return translate('app.correctiveActions.illegal_transition', {
      allowed: names.length > 0 ? names.join(', ') : translate('app.appeals.no_actions'),
    });
  }
  return error.message || 'ra.notification.http_error';
}

const StepDialog = ({
  action,
  record,
  onClose,
}: {
  action: CorrectiveActionAction;
  record: CorrectiveActionRecord;
  onClose(): void;
}) => {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate(`app.correctiveActions.actions.${action}`);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.correctiveActionStep({
        id: record.id,
        action,
        body: correctiveActionStepBody(action, values, record.version),
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

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="corrective-action-step-title">
      <Form onSubmit={submit}>
        <DialogTitle id="corrective-action-step-title">{`${label}: ${record.number}`}</DialogTitle>
        <DialogContent>
          {STEP_FIELDS[action].map((field) => (
            <StepField key={field.source} {...field} />
          ))}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={label} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** One step's button, shown only to those the shared rules let take it on this action. */
const StepButton = ({ action, record }: { action: CorrectiveActionAction; record: CorrectiveActionRecord }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'corrective-actions', action, record });
  const [open, setOpen] = useState(false);
  if (isPending || !canAccess) return null;
  return (
    <>
      <Button
        label={`app.correctiveActions.actions.${action}`}
        onClick={() => setOpen(true)}
        variant="outlined"
        data-action={action}
      />
      {open && <StepDialog action={action} record={record} onClose={() => setOpen(false)} />}
    </>
  );
};

/** The steps the workflow allows from the action's status and the rules allow this user. */
export const CorrectiveActionWorkflowButtons = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate('app.correctiveActions.workflow')}
    >
      {correctiveActionActionsFrom(record.status).map((action) => (
        <StepButton key={action} action={action} record={record} />
      ))}
    </Stack>
  );
};
