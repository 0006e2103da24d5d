import {
  Create,
  DateInput,
  FormDataConsumer,
  Labeled,
  maxValue,
  minValue,
  NumberInput,
  RecordContextProvider,
  RadioButtonGroupInput,
  required,
  SimpleForm,
  TextInput,
  useRecordFromLocation,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { createCorrectiveActionBody } from './correctiveActionSteps';
import { CorrectiveActionInputs } from './CorrectiveActionInputs';
import { FindingLink } from './FindingLink';

const DEADLINE_CHOICES = [
  { id: 'policy', name: 'app.correctiveActions.deadline.policy' },
  { id: 'workingDays', name: 'app.correctiveActions.deadline.workingDays' },
  { id: 'date', name: 'app.correctiveActions.deadline.date' },
];

/** The finding the action is set on: fixed when the form was opened from the finding's page (or a link). */
const FindingInput = () => {
  const resources = useResourceDefinitions();
  const findingId = (useRecordFromLocation() as { findingId?: string } | undefined)?.findingId;
  if (findingId && resources.findings) {
    return (
      <Labeled source="findingId" resource="corrective-actions">
        <RecordContextProvider value={{ id: '', findingId }}>
          <FindingLink />
        </RecordContextProvider>
      </Labeled>
    );
  }
  return <TextInput source="findingId" validate={required()} />;
};

/**
 * Setting a corrective action on a finding. The deadline is the policy's, N working days from today,
 * or a date; the API counts it on the working calendar and answers the exact deadline.
 */
export const CorrectiveActionCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={createCorrectiveActionBody}>
      <SimpleForm defaultValues={{ deadlineKind: 'policy' }}>
        <FindingInput />
        <CorrectiveActionInputs />
        <RadioButtonGroupInput
          source="deadlineKind"
          label="app.correctiveActions.deadline.label"
          choices={DEADLINE_CHOICES}
          helperText={translate('app.correctiveActions.deadline.help')}
        />
        <FormDataConsumer>
          {({ formData }) =>
            formData.deadlineKind === 'workingDays' ? (
              <NumberInput source="termWorkingDays" step={1} validate={[required(), minValue(1), maxValue(365)]} />
            ) : formData.deadlineKind === 'date' ? (
              <DateInput source="dueOn" validate={required()} />
            ) : null
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
