import { SaveButton, Toolbar } from 'react-admin';

/** A form toolbar without "delete", for records that are never deleted (users are deactivated). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
