import { type InspectionAction, inspectionActionsFrom, inspectionWorkflow } from '@adaldesk/libs';
import { DialogContentText } from '@mui/material';
import { DateInput, required, TextInput, useTranslate } from 'react-admin';
import { stepFieldValidators } from '../common/stepFields';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
import { localToday, notAfterToday } from '../referrals/referralWorkflow';
import type { InspectionRecord } from './inspectionTypes';
import { inspectionActionBody } from './inspectionWorkflow';

/** Each step's fields as libs declares them, for their checks. */
const { plan, complete, cancel } = inspectionWorkflow.steps;

/** What each step asks for; `close` only asks to confirm. The actual day is asked for, prefilled with today. */
const StepFields = ({ action }: { action: InspectionAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'plan':
      return (
        <>
          <DateInput source="plannedStartOn" validate={stepFieldValidators(plan.fields.plannedStartOn)} />
          <DateInput source="plannedEndOn" validate={stepFieldValidators(plan.fields.plannedEndOn)} />
          <TextInput
            source="reason"
            label="app.inspections.reschedule_reason"
            validate={stepFieldValidators(plan.fields.reason)}
            fullWidth
          />
        </>
      );
    case 'start':
      return <DateInput source="on" label="app.inspections.actual_start" validate={[required(), notAfterToday]} />;
    case 'complete':
      return (
        <>
          <DateInput source="on" label="app.inspections.actual_end" validate={[required(), notAfterToday]} />
          <TextInput
            source="summary"
            multiline
            minRows={3}
            validate={stepFieldValidators(complete.fields.summary)}
            fullWidth
          />
        </>
      );
    case 'cancel':
      return (
        <TextInput
          source="reason"
          label="app.inspections.cancel_reason"
          multiline
          minRows={2}
          validate={stepFieldValidators(cancel.fields.reason)}
          fullWidth
        />
      );
    default:
      return <DialogContentText>{translate(`app.inspections.confirm.${action}`)}</DialogContentText>;
  }
};

const INSPECTION_WORKFLOW: Workflow<InspectionRecord, InspectionAction> = {
  resource: 'inspections',
  messages: 'app.inspections',
  actionsOf: (inspection) => inspectionActionsFrom(inspection.status),
  Fields: StepFields,
  defaults: (_action, inspection) => ({
    on: localToday(),
    plannedStartOn: inspection.plannedStartOn,
    plannedEndOn: inspection.plannedEndOn,
    summary: inspection.summary ?? '',
  }),
  bodyOf: inspectionActionBody,
};

/** The steps the workflow allows from the inspection's status and the rules allow this user. */
export const InspectionWorkflowButtons = () => <WorkflowButtons workflow={INSPECTION_WORKFLOW} />;
