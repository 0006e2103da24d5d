import type { AppealAction } from '@adaldesk/libs';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  type HttpError,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import { AssigneeInput, CategoryInput, OrganisationInput } from './AppealReferenceInputs';
import type { AppealRecord } from './appealTypes';
import { appealActionBody, availableAppealActions } from './appealWorkflow';

const OUTCOME_CHOICES = enumChoices('appealOutcome');
const reasonValidators = [required(), minLength(5), maxLength(5_000)];

const ReasonInput = () => <TextInput source="reason" multiline minRows={2} validate={reasonValidators} />;

/** The fields a step asks for, labelled as appeal fields; a step without any is just confirmed. */
const ActionFields = ({ action }: { action: AppealAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'triage':
      return (
        <>
          <CategoryInput validate={required()} />
          <OrganisationInput />
          <AssigneeInput />
        </>
      );
    case 'request-info':
    case 'reopen':
      return <ReasonInput />;
    case 'request-extension':
      return (
        <>
          <NumberInput source="days" validate={[required(), minValue(1), maxValue(365)]} step={1} />
          <ReasonInput />
        </>
      );
    case 'forward':
      return (
        <>
          <ReferenceInput source="forwardedToId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
          <ReasonInput />
        </>
      );
    case 'resolve':
      return (
        <>
          <SelectInput source="outcome" choices={OUTCOME_CHOICES} validate={required()} />
          <TextInput
            source="resolutionText"
            multiline
            minRows={4}
            validate={[required(), minLength(10), maxLength(20_000)]}
          />
        </>
      );
    default:
      return <DialogContentText>{translate(`app.appeals.confirm.${action}`)}</DialogContentText>;
  }
};

/** A 422 names the steps allowed from the status the appeal has now: say them in the user's words. */
function errorMessage(error: HttpError, translate: (key: string, options?: object) => string): string {
  const allowed = (error.body as { details?: { allowed?: unknown } } | undefined)?.details?.allowed;
  if (error.status === 422 && Array.isArray(allowed)) {
    const names = allowed.map((action) => translate(`app.appeals.actions.${action}`, { _: String(action) }));
    return translate('app.appeals.illegal_transition', {
      allowed: names.length > 0 ? names.join(', ') : translate('app.appeals.no_actions'),
    });
  }
  return error.message || 'ra.notification.http_error';
}

interface ActionDialogProps {
  action: AppealAction;
  appeal: AppealRecord;
  onClose(): void;
}

const AppealActionDialog = ({ action, appeal, onClose }: ActionDialogProps) => {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate(`app.appeals.actions.${action}`);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.appealAction({
        id: appeal.id,
        action,
        body: appealActionBody(action, values, appeal.version),
      });
      notify('app.appeals.action_done', { type: 'success', messageArgs: { action: label } });
      onClose();
      refresh();
    } catch (error) {
      const httpError = error as HttpError;
      notify(errorMessage(httpError, translate), { type: 'error' });
      // Field problems (a 400 naming fields) are shown next to the fields too.
      return (httpError.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };

  const defaults =
    action === 'triage'
      ? { categoryId: appeal.categoryId, organisationId: appeal.organisationId, assigneeId: appeal.assigneeId }
      : {};

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="appeal-action-title">
      <Form onSubmit={submit} defaultValues={defaults}>
        <DialogTitle id="appeal-action-title">{`${label}: ${appeal.number}`}</DialogTitle>
        <DialogContent>
          <ActionFields action={action} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={label} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** One step's button, shown only to those the shared rules let take it on this appeal. */
const AppealActionButton = ({ action, appeal }: { action: AppealAction; appeal: AppealRecord }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'appeals', action, record: appeal });
  const [open, setOpen] = useState(false);
  if (isPending || !canAccess) return null;
  return (
    <>
      <Button
        label={`app.appeals.actions.${action}`}
        onClick={() => setOpen(true)}
        variant="outlined"
        data-action={action}
      />
      {open && <AppealActionDialog action={action} appeal={appeal} onClose={() => setOpen(false)} />}
    </>
  );
};

/** The workflow steps this user may take from the appeal's status, each opening its small form. */
export const AppealWorkflowButtons = () => {
  const appeal = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  if (!appeal) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate('app.appeals.workflow')}
    >
      {availableAppealActions(appeal).map((action) => (
        <AppealActionButton key={action} action={action} appeal={appeal} />
      ))}
    </Stack>
  );
};
