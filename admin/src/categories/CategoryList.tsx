import { BooleanField, BooleanInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { ResourceListActions } from '../common/ResourceListActions';

const categoryFilters = [
  <BooleanInput key="active" source="active" alwaysOn />,
  <ReferenceInput key="slaPolicyId" source="slaPolicyId" reference="sla-policies" perPage={100}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export const CategoryList = () => (
  <List
    filters={categoryFilters}
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
      <DataTable.Col source="slaPolicyId">
        <ReferenceField source="slaPolicyId" reference="sla-policies" link={false} />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
