import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionField } from '../common/RegionField';
import { RegionInput } from '../common/RegionInput';
import { ResourceListActions } from '../common/ResourceListActions';

const TYPE_CHOICES = enumChoices('organisationType');

const organisationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={TYPE_CHOICES} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
];

export const OrganisationList = () => (
  <List filters={organisationFilters} actions={<ResourceListActions />} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable>
      <DataTable.Col source="name" />
      <DataTable.Col source="bin" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={TYPE_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="regionId">
        <RegionField source="regionId" />
      </DataTable.Col>
      <DataTable.Col source="address" />
    </DataTable>
  </List>
);
