import { BooleanField, BooleanInput, DataTable, List, SearchInput, SelectField } from 'react-admin';
import { enumChoices } from '../common/choices';
import { ResourceListActions } from '../common/ResourceListActions';

const productFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="active" source="active" alwaysOn />,
];

export const ProductList = () => (
  <List
    filters={productFilters}
    filterDefaultValues={{ active: true }}
    actions={<ResourceListActions />}
    sort={{ field: 'code', order: 'ASC' }}
    perPage={50}
  >
    <DataTable>
      <DataTable.Col source="code" />
      <DataTable.Col source="nameKk" />
      <DataTable.Col source="nameRu" />
      <DataTable.Col source="nameEn" />
      <DataTable.Col source="unit">
        <SelectField source="unit" choices={enumChoices('productUnit')} />
      </DataTable.Col>
      <DataTable.Col source="riseThresholdPercent" disableSort />
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
