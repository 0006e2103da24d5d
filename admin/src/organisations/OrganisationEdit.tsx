import { Edit, SimpleForm } from 'react-admin';
import { OrganisationInputs } from './OrganisationInputs';

export const OrganisationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <OrganisationInputs />
    </SimpleForm>
  </Edit>
);
