import { type AppealAction, appealWorkflow } from '@adaldesk/libs';
import { DialogContentText } from '@mui/material';
import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { stepFieldValidators } from '../common/stepFields';
import { type Workflow, WorkflowButtons } from '../common/WorkflowButtons';
import { AssigneeInput, CategoryInput, OrganisationInput } from './AppealReferenceInputs';
import type { AppealRecord } from './appealTypes';
import { appealActionBody, availableAppealActions } from './appealWorkflow';

const OUTCOME_CHOICES = enumChoices('appealOutcome');
/** Each step's fields as libs declares them, for their checks. */
const { triage, 'request-extension': requestExtension, forward, resolve, reopen } = appealWorkflow.steps;
const reasonValidators = stepFieldValidators(reopen.fields.reason);

const ReasonInput = () => <TextInput source="reason" multiline minRows={2} validate={reasonValidators} />;

/** The fields a step asks for, labelled as appeal fields; a step without any is just confirmed. */
const ActionFields = ({ action }: { action: AppealAction }) => {
  const translate = useTranslate();
  switch (action) {
    case 'triage':
      return (
        <>
          <CategoryInput validate={stepFieldValidators(triage.fields.categoryId)} />
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
          <NumberInput source="days" validate={stepFieldValidators(requestExtension.fields.days)} step={1} />
          <ReasonInput />
        </>
      );
    case 'forward':
      return (
        <>
          <ReferenceInput source="forwardedToId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={stepFieldValidators(forward.fields.forwardedToId)} />
          </ReferenceInput>
          <ReasonInput />
        </>
      );
    case 'resolve':
      return (
        <>
          <SelectInput
            source="outcome"
            choices={OUTCOME_CHOICES}
            validate={stepFieldValidators(resolve.fields.outcome)}
          />
          <TextInput
            source="resolutionText"
            multiline
            minRows={4}
            validate={stepFieldValidators(resolve.fields.resolutionText)}
          />
        </>
      );
    default:
      return <DialogContentText>{translate(`app.appeals.confirm.${action}`)}</DialogContentText>;
  }
};

const APPEAL_WORKFLOW: Workflow<AppealRecord, AppealAction> = {
  resource: 'appeals',
  messages: 'app.appeals',
  actionsOf: availableAppealActions,
  Fields: ActionFields,
  defaults: (action, appeal) =>
    action === 'triage'
      ? { categoryId: appeal.categoryId, organisationId: appeal.organisationId, assigneeId: appeal.assigneeId }
      : {},
  bodyOf: appealActionBody,
};

/** The workflow steps this user may take from the appeal's status, each opening its small form. */
export const AppealWorkflowButtons = () => <WorkflowButtons workflow={APPEAL_WORKFLOW} />;
