import { DataTable, DateField, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { RegionField } from '../common/RegionField';
import { RegionInput } from '../common/RegionInput';
import { ResourceListActions } from '../common/ResourceListActions';

const baselineFilters = [
  <ReferenceInput
    key="productId"
    source="productId"
    reference="products"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={200}
    alwaysOn
  >
    <SelectInput />
  </ReferenceInput>,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
];

export const PriceBaselineList = () => (
  <List filters={baselineFilters} actions={<ResourceListActions />} sort={{ field: 'validFrom', order: 'DESC' }}>
    <DataTable>
      <DataTable.Col source="productId" disableSort>
        <ReferenceField source="productId" reference="products" link={false} />
      </DataTable.Col>
      <DataTable.Col source="regionId" disableSort>
        <RegionField source="regionId" />
      </DataTable.Col>
      <DataTable.Col source="price" />
      <DataTable.Col source="validFrom" field={DateField} />
      <DataTable.Col source="validTo">
        <DateField source="validTo" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="note" disableSort />
      <DataTable.Col source="setById" disableSort>
        <ReferenceField source="setById" reference="users" link={false} />
      </DataTable.Col>
    </DataTable>
  </List>
);
