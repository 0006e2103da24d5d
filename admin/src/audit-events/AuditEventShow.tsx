import { FunctionField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { AuditChanges } from './AuditChanges';
import { useAuditActionLabel, useResourceLabel } from './useResourceLabel';

const ROLE_CHOICES = enumChoices('role');

interface AuditEventRecord {
  action: string;
  entityType: string;
}

export const AuditEventShow = () => {
  const resourceLabel = useResourceLabel();
  const actionLabel = useAuditActionLabel();
  return (
    <Show>
      <SimpleShowLayout>
        <DateTimeField source="occurredAt" />
        <ReferenceField source="actorId" reference="users" emptyText="app.system" />
        <TextField source="actorEmail" emptyText="—" />
        <SelectField source="actorRole" choices={ROLE_CHOICES} />
        <FunctionField<AuditEventRecord> source="action" render={(event) => actionLabel(event.action)} />
        <FunctionField<AuditEventRecord> source="entityType" render={(event) => resourceLabel(event.entityType)} />
        <TextField source="entityId" />
        <RegionField source="regionId" />
        <TextField source="requestId" emptyText="—" />
        <TextField source="ip" emptyText="—" />
        <AuditChanges />
      </SimpleShowLayout>
    </Show>
  );
};
