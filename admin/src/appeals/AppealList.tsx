import { DataTable, List, ReferenceField, SelectField, useCanAccess } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ResourceListActions } from '../common/ResourceListActions';
import { appealFilters } from './AppealListFilter';
import { BulkAssignButton } from './BulkAssignButton';
import { SlaBadge } from './SlaBadge';

const STATUS_CHOICES = enumChoices('appealStatus');
const CHANNEL_CHOICES = enumChoices('appealChannel');

export const AppealList = () => {
  // Assigning changes appeals: offered to those who may edit them. Appeals are never deleted.
  const { canAccess: canAssign } = useCanAccess({ resource: 'appeals', action: 'edit' });
  return (
    <List filters={appealFilters} actions={<ResourceListActions />} sort={{ field: 'receivedAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={canAssign ? <BulkAssignButton /> : false}>
        <DataTable.Col source="number" />
        <DataTable.Col source="receivedAt" field={DateTimeField} />
        <DataTable.Col source="status">
          <SelectField source="status" choices={STATUS_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
          <SelectField source="channel" choices={CHANNEL_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="categoryId" disableSort>
          <ReferenceField source="categoryId" reference="categories" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="organisationId" disableSort>
          <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="assigneeId" disableSort>
          <ReferenceField source="assigneeId" reference="users" link={false} emptyText="—" />
        </DataTable.Col>
        {/* Sorted by deadline: the badge says how near it is. */}
        <DataTable.Col source="dueAt" label="resources.appeals.fields.sla">
          <SlaBadge />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
