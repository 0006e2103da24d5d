import { DataTable, List, SelectField } from 'react-admin';
import { enumChoices } from '../common/choices';
import { ResourceListActions } from '../common/ResourceListActions';

const UNIT_CHOICES = enumChoices('slaUnit');

export const SlaPolicyList = () => (
  <List actions={<ResourceListActions />} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="goalAmount" />
      <DataTable.Col source="goalUnit">
        <SelectField source="goalUnit" choices={UNIT_CHOICES} />
      </DataTable.Col>
      <DataTable.NumberCol source="warningPercent" />
      <DataTable.NumberCol source="warningDaysBefore" />
      <DataTable.NumberCol source="maxExtensionDays" />
    </DataTable>
  </List>
);
