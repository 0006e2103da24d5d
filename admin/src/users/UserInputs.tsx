import { BooleanInput, email, maxLength, PasswordInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { strongPassword } from '../common/validators';

const ROLE_CHOICES = enumChoices('role');

/** The fields of a user; the password is required to create one and optional when editing. */
export const UserInputs = ({ isCreate }: { isCreate: boolean }) => (
  <>
    <TextInput source="email" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} />
    <TextInput source="fullName" validate={[required(), maxLength(200)]} />
    <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} />
    <RegionInput />
    <BooleanInput source="active" helperText="app.users.active_help" />
    <PasswordInput
      source="password"
      autoComplete="new-password"
      validate={isCreate ? [required(), strongPassword] : strongPassword}
      helperText={isCreate ? 'app.users.password_help_create' : 'app.users.password_help_edit'}
    />
  </>
);
