import { type InspectionAction, inspectionActionsFrom } from '@adaldesk/libs';
import { DialogContentText } from '@mui/material';
import { DateInput, maxLength, minLength, required, TextInput, useTranslate } from 'react-admin';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
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
