import { DataTable, List, SelectField, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { ResourceListActions } from '../common/ResourceListActions';

const KIND_CHOICES = enumChoices('regionKind');

const regionFilters = [<SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />];

export const RegionList = () => (
  <List filters={regionFilters} actions={<ResourceListActions />} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
    <DataTable>
      <DataTable.Col source="code" />
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="nameKk" />
      <DataTable.Col source="nameRu" />
      <DataTable.Col source="nameEn" />
    </DataTable>
  </List>
);
