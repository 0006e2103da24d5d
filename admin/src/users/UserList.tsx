import { BooleanField, BooleanInput, DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { RegionInput } from '../common/RegionInput';
import { ResourceListActions } from '../common/ResourceListActions';

const ROLE_CHOICES = enumChoices('role');

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <BooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={userFilters} actions={<ResourceListActions />} sort={{ field: 'fullName', order: 'ASC' }}>
    {/* Users are deactivated, never deleted: no bulk delete. */}
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="fullName" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={ROLE_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="regionId">
        <RegionField source="regionId" />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col source="lastLoginAt" field={DateTimeField} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
