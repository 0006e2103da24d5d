import { type CorrectiveActionAction, correctiveActionActionsFrom } from '@adaldesk/libs';
import { DateInput, maxLength, maxValue, minLength, minValue, NumberInput, required, TextInput } from 'react-admin';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
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

const StepForm = ({ action }: { action: CorrectiveActionAction }) =>
  STEP_FIELDS[action].map((field) => <StepField key={field.source} {...field} />);

const CORRECTIVE_ACTION_WORKFLOW: Workflow<CorrectiveActionRecord, CorrectiveActionAction> = {
  resource: 'corrective-actions',
  messages: 'app.correctiveActions',
  actionsOf: (record) => correctiveActionActionsFrom(record.status),
  Fields: StepForm,
  bodyOf: correctiveActionStepBody,
};

/** The steps the workflow allows from the action's status and the rules allow this user. */
export const CorrectiveActionWorkflowButtons = () => <WorkflowButtons workflow={CORRECTIVE_ACTION_WORKFLOW} />;
