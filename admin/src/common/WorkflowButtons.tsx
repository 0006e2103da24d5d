import { Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { type ComponentType, useState } from 'react';
import {
  Button,
  Form,
  type HttpError,
  SaveButton,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AdalDeskDataProvider, StepResource } from '../providers/dataProvider';

/** A record that has workflow steps: its number names it in the dialog, its version guards the step. */
export interface WorkflowRecord {
  id: string;
  number: string;
  version: number;
}

/** What differs between the appeal, referral, inspection and corrective-action step buttons. */
export interface Workflow<R extends WorkflowRecord, A extends string> {
  /** The resource whose steps these are, and whose rules decide who may take one (`useCanAccess`). */
  resource: StepResource;
  /** The message group: `<messages>.actions.<action>`, `.illegal_transition` and `.workflow`. */
  messages: string;
  /** The steps the workflow allows from the record as it is now. */
  actionsOf(record: R): readonly A[];
  /** What a step's dialog asks for. */
  Fields: ComponentType<{ action: A }>;
  /** The values a step's form starts with. */
  defaults?(action: A, record: R): Record<string, unknown>;
  /** The body of the step's request: the form's values as the API takes them, with the record's `version`. */
  bodyOf(action: A, values: Record<string, unknown>, version: number): Record<string, unknown> & { version: number };
}

type Translate = (key: string, options?: object) => string;

/** A 422 names the steps allowed from the status the record has now: say them in the user's words. */
function errorMessage(error: HttpError, messages: string, translate: Translate): string {
  const allowed = (error.body as { details?: { allowed?: unknown } } | undefined)?.details?.allowed;
  if (error.status === 422 && Array.isArray(allowed)) {
    const names = allowed.map((action) => translate(`${messages}.actions.${action}`, { _: String(action) }));
    return translate(`${messages}.illegal_transition`, {
      allowed: names.length > 0 ? names.join(', ') : translate('app.appeals.no_actions'),
    });
  }
  return error.message || 'ra.notification.http_error';
}

function StepDialog<R extends WorkflowRecord, A extends string>({
  workflow,
  action,
  record,
  onClose,
}: {
  workflow: Workflow<R, A>;
  action: A;
  record: R;
  onClose(): void;
}) {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate(`${workflow.messages}.actions.${action}`);
  const titleId = `${workflow.resource}-step-title`;
  const { Fields } = workflow;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.step(workflow.resource, record.id, action, workflow.bodyOf(action, values, record.version));
      notify('app.appeals.action_done', { type: 'success', messageArgs: { action: label } });
      onClose();
      refresh();
    } catch (error) {
      const httpError = error as HttpError;
      notify(errorMessage(httpError, workflow.messages, translate), { type: 'error' });
      // Field problems (a 400 naming fields) are shown next to the fields too.
      return (httpError.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <Form onSubmit={submit} defaultValues={workflow.defaults?.(action, record) ?? {}}>
        <DialogTitle id={titleId}>{`${label}: ${record.number}`}</DialogTitle>
        <DialogContent>
          <Fields action={action} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={label} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

/** One step's button, shown only to those the shared rules let take it on this record. */
function StepButton<R extends WorkflowRecord, A extends string>({
  workflow,
  action,
  record,
}: {
  workflow: Workflow<R, A>;
  action: A;
  record: R;
}) {
  const { canAccess, isPending } = useCanAccess({ resource: workflow.resource, action, record });
  const [open, setOpen] = useState(false);
  // Marked while the rules are being asked, so a reader (or a test) can tell "not allowed" from "not yet known".
  if (isPending) return <span hidden data-pending-action={action} />;
  if (!canAccess) return null;
  return (
    <>
      <Button
        label={`${workflow.messages}.actions.${action}`}
        onClick={() => setOpen(true)}
        variant="outlined"
        data-action={action}
      />
      {open && <StepDialog workflow={workflow} action={action} record={record} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The workflow steps this user may take on the record in context, each opening its small form: the
 * steps the workflow allows from the record's status, of those only what the shared rules allow.
 */
export function WorkflowButtons<R extends WorkflowRecord, A extends string>({
  workflow,
}: {
  workflow: Workflow<R, A>;
}) {
  const record = useRecordContext<R>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate(`${workflow.messages}.workflow`)}
    >
      {workflow.actionsOf(record).map((action) => (
        <StepButton key={action} workflow={workflow} action={action} record={record} />
      ))}
    </Stack>
  );
}
