import { DataTable, FunctionField, List, ReferenceField, SelectField } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { ResourceListActions } from '../common/ResourceListActions';
import { useAuditEventFilters } from './AuditEventListFilter';
import { useAuditActionLabel, useResourceLabel } from './useResourceLabel';

const ROLE_CHOICES = enumChoices('role');

interface AuditEventRecord {
  action: string;
  entityType: string;
}

export const AuditEventList = () => {
  const filters = useAuditEventFilters();
  const resourceLabel = useResourceLabel();
  const actionLabel = useAuditActionLabel();
  return (
    <List filters={filters} actions={<ResourceListActions />} sort={{ field: 'occurredAt', order: 'DESC' }}>
      {/* The trail is append-only: nothing to select, edit or delete. */}
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="occurredAt" field={DateTimeField} />
        <DataTable.Col source="actorId">
          <ReferenceField source="actorId" reference="users" link={false} emptyText="app.system" />
        </DataTable.Col>
        <DataTable.Col source="actorRole">
          <SelectField source="actorRole" choices={ROLE_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="action">
          <FunctionField<AuditEventRecord> render={(event) => actionLabel(event.action)} />
        </DataTable.Col>
        <DataTable.Col source="entityType">
          <FunctionField<AuditEventRecord> render={(event) => resourceLabel(event.entityType)} />
        </DataTable.Col>
        <DataTable.Col source="entityId" />
      </DataTable>
    </List>
  );
};
