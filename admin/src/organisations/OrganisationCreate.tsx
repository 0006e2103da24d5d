import { Create, SimpleForm } from 'react-admin';
import { getSessionUser } from '../providers/session';
import { OrganisationInputs } from './OrganisationInputs';

export const OrganisationCreate = () => (
  <Create redirect="list">
    {/* Regional staff may only add organisations of their own region: start there. */}
    <SimpleForm defaultValues={{ regionId: getSessionUser()?.regionId ?? null }}>
      <OrganisationInputs />
    </SimpleForm>
  </Create>
);
