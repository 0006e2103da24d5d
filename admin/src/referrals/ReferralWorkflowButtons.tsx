import { REFERRAL_VERDICTS, type ReferralAction, referralActionsFrom } from '@adaldesk/libs';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  type HttpError,
  maxLength,
  minLength,
  regex,
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
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { ReferralRecord } from './referralTypes';
import { notAfterToday, referralActionBody } from './referralWorkflow';

const VERDICT_CHOICES = REFERRAL_VERDICTS.map((id) => ({ id, name: `enums.referralVerdict.${id}` }));
/** Tenge with at most two decimals; spaces between thousands and a decimal comma are accepted. */
const TENGE = /^\d{1,3}([\s\u00a0]?\d{3})*([.,]\d{1,2})?$/;

/** The fields a step asks for besides its date, labelled as referral fields. */
const StepFields = ({ action }: { action: ReferralAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'open-case':
      return (
        <TextInput
          source="registerNumber"
          helperText="app.referrals.register_number_help"
          validate={[required(), minLength(3), maxLength(100)]}
        />
      );
    case 'refuse':
      return (
        <TextInput
          source="refusalReason"
          multiline
          minRows={2}
          validate={[required(), minLength(5), maxLength(5_000)]}
        />
      );
    case 'record-verdict':
      return (
        <>
          <SelectInput source="verdict" choices={VERDICT_CHOICES} validate={required()} />
          <TextInput source="sanctions" multiline minRows={2} validate={maxLength(5_000)} />
          <TextInput
            source="damagesRecovered"
            helperText="app.referrals.damages_help"
            validate={regex(TENGE, 'app.referrals.damages_invalid')}
          />
        </>
      );
    default:
      return <DialogContentText>{translate(`app.referrals.confirm.${action}`)}</DialogContentText>;
  }
};

/** A 422 names the steps allowed now; a 400 names the fields, shown next to them. */
function errorMessage(error: HttpError, translate: (key: string, options?: object) => string): string {
  const allowed = (error.body as { details?: { allowed?: unknown } } | undefined)?.details?.allowed;
  if (error.status === 422 && Array.isArray(allowed)) {
    const names = allowed.map((action) => translate(`app.referrals.actions.${action}`, { _: String(action) }));
    return translate('app.referrals.illegal_transition', {
      allowed: names.length > 0 ? names.join(', ') : translate('app.appeals.no_actions'),
    });
  }
  return error.message || 'ra.notification.http_error';
}

const StepDialog = ({
  action,
  referral,
  onClose,
}: {
  action: ReferralAction;
  referral: ReferralRecord;
  onClose(): void;
}) => {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate(`app.referrals.actions.${action}`);

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.referralAction({
        id: referral.id,
        action,
        body: referralActionBody(action, values, referral.version),
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
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="referral-step-title">
      <Form onSubmit={submit} defaultValues={{ on: new Date().toLocaleDateString('en-CA') }}>
        <DialogTitle id="referral-step-title">{`${label}: ${referral.number}`}</DialogTitle>
        <DialogContent>
          <DateInput source="on" label="app.referrals.step_date" validate={[required(), notAfterToday]} />
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

/** One step's button, shown only to those the shared rules let take it on this referral. */
const StepButton = ({ action, referral }: { action: ReferralAction; referral: ReferralRecord }) => {
  const { canAccess, isPending } = useCanAccess({ resource: 'referrals', action, record: referral });
  const [open, setOpen] = useState(false);
  if (isPending || !canAccess) return null;
  return (
    <>
      <Button
        label={`app.referrals.actions.${action}`}
        onClick={() => setOpen(true)}
        variant="outlined"
        data-action={action}
      />
      {open && <StepDialog action={action} referral={referral} onClose={() => setOpen(false)} />}
    </>
  );
};

/** The funnel steps the workflow allows from the referral's stage and the rules allow this user. */
export const ReferralWorkflowButtons = () => {
  const referral = useRecordContext<ReferralRecord>();
  const translate = useTranslate();
  if (!referral) return null;
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate('app.referrals.workflow')}
    >
      {referralActionsFrom(referral.status).map((action) => (
        <StepButton key={action} action={action} referral={referral} />
      ))}
    </Stack>
  );
};
