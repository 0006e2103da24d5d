import { REFERRAL_VERDICTS, type ReferralAction, referralActionsFrom, referralWorkflow } from '@adaldesk/libs';
import { DialogContentText } from '@mui/material';
import { DateInput, regex, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { stepFieldValidators } from '../common/stepFields';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
import type { ReferralRecord } from './referralTypes';
import { notAfterToday, referralActionBody } from './referralWorkflow';

const VERDICT_CHOICES = REFERRAL_VERDICTS.map((id) => ({ id, name: `enums.referralVerdict.${id}` }));
/** Tenge with at most two decimals; spaces between thousands and a decimal comma are accepted. */
const TENGE = /^\d{1,3}([\s\u00a0]?\d{3})*([.,]\d{1,2})?$/;

/** Each step's fields as libs declares them, for their checks. */
const { 'open-case': openCase, refuse, 'record-verdict': recordVerdict } = referralWorkflow.steps;

/** The fields a step asks for besides its date, labelled as referral fields. */
const StepFields = ({ action }: { action: ReferralAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'open-case':
      return (
        <TextInput
          source="registerNumber"
          helperText="app.referrals.register_number_help"
          validate={stepFieldValidators(openCase.fields.registerNumber)}
        />
      );
    case 'refuse':
      return (
        <TextInput
          source="refusalReason"
          multiline
          minRows={2}
          validate={stepFieldValidators(refuse.fields.refusalReason)}
        />
      );
    case 'record-verdict':
      return (
        <>
          <SelectInput
            source="verdict"
            choices={VERDICT_CHOICES}
            validate={stepFieldValidators(recordVerdict.fields.verdict)}
          />
          <TextInput
            source="sanctions"
            multiline
            minRows={2}
            validate={stepFieldValidators(recordVerdict.fields.sanctions)}
          />
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

/** Every step is dated (today unless said otherwise), then asks what it needs. */
const StepForm = ({ action }: { action: ReferralAction }) => (
  <>
    <DateInput source="on" label="app.referrals.step_date" validate={[required(), notAfterToday]} />
    <StepFields action={action} />
  </>
);

const REFERRAL_WORKFLOW: Workflow<ReferralRecord, ReferralAction> = {
  resource: 'referrals',
  messages: 'app.referrals',
  actionsOf: (referral) => referralActionsFrom(referral.status),
  Fields: StepForm,
  defaults: () => ({ on: new Date().toLocaleDateString('en-CA') }),
  bodyOf: referralActionBody,
};

/** The funnel steps the workflow allows from the referral's stage and the rules allow this user. */
export const ReferralWorkflowButtons = () => <WorkflowButtons workflow={REFERRAL_WORKFLOW} />;
