import { Create, SimpleForm } from 'react-admin';
import { getSessionUser } from '../providers/session';
import { AppealInputs } from './AppealInputs';
import { appealCreatePayload } from './appealWorkflow';

/** An appeal is registered the moment it is typed in: received now, in the officer's region. */
const defaultValues = () => ({
  receivedAt: new Date().toISOString(),
  regionId: getSessionUser()?.regionId ?? null,
  anonymous: false,
  confidential: false,
});

export const AppealCreate = () => (
  <Create redirect="show" transform={appealCreatePayload}>
    <SimpleForm defaultValues={defaultValues}>
      <AppealInputs isCreate />
    </SimpleForm>
  </Create>
);
