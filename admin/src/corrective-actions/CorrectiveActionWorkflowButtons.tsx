import {
  type CorrectiveActionAction,
  correctiveActionActionsFrom,
  correctiveActionWorkflow,
  type StepField as StepFieldDeclaration,
} from '@adaldesk/libs';
import { DateInput, NumberInput, TextInput } from 'react-admin';
import { stepFieldValidators } from '../common/stepFields';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
import { notAfterToday } from '../referrals/referralWorkflow';
import { correctiveActionStepBody } from './correctiveActionSteps';
import type { CorrectiveActionRecord } from './correctiveActionTypes';

/** One field of a step's form, as libs declares it: a day (today if left empty), a number of days or words. */
const StepField = ({ source, field }: { source: string; field: StepFieldDeclaration }) => {
  const label = `app.correctiveActions.fields.${source}`;
  switch (field.type) {
    case 'date':
      return (
        <DateInput
          source={source}
          label={label}
          validate={notAfterToday}
          helperText="app.correctiveActions.today_if_empty"
        />
      );
    case 'integer':
      return <NumberInput source={source} label={label} step={1} validate={stepFieldValidators(field)} />;
    default:
      return <TextInput source={source} label={label} multiline minRows={2} validate={stepFieldValidators(field)} />;
  }
};

const StepForm = ({ action }: { action: CorrectiveActionAction }) =>
  Object.entries(correctiveActionWorkflow.fieldsOf(action)).map(([source, field]) => (
    <StepField key={source} source={source} field={field} />
  ));

const CORRECTIVE_ACTION_WORKFLOW: Workflow<CorrectiveActionRecord, CorrectiveActionAction> = {
  resource: 'corrective-actions',
  messages: 'app.correctiveActions',
  actionsOf: (record) => correctiveActionActionsFrom(record.status),
  Fields: StepForm,
  bodyOf: correctiveActionStepBody,
};

/** The steps the workflow allows from the action's status and the rules allow this user. */
export const CorrectiveActionWorkflowButtons = () => <WorkflowButtons workflow={CORRECTIVE_ACTION_WORKFLOW} />;
