import { DataTable, List, ReferenceField } from 'react-admin';
import { ResourceListActions } from '../common/ResourceListActions';
import { CorrectiveActionSla, CorrectiveActionStatusChip } from './CorrectiveActionStatusChip';
import { correctiveActionFilters } from './CorrectiveActionListFilter';

/**
 * The follow-up list: what is still to be fixed or verified, soonest deadline first, so the overdue
 * and the at-risk lead. Filters widen it to settled actions.
 */
export const CorrectiveActionList = () => (
  <List
    filters={correctiveActionFilters}
    filterDefaultValues={{ status: ['open', 'reported_done'] }}
    actions={<ResourceListActions />}
    sort={{ field: 'dueAt', order: 'ASC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" />
      <DataTable.Col source="dueAt" label="resources.corrective-actions.fields.sla">
        <CorrectiveActionSla />
      </DataTable.Col>
      <DataTable.Col source="status">
        <CorrectiveActionStatusChip />
      </DataTable.Col>
      <DataTable.Col source="description" disableSort />
      <DataTable.Col source="responsibleOrganisationId" disableSort>
        <ReferenceField source="responsibleOrganisationId" reference="organisations" link={false} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="responsiblePersonName" disableSort />
      <DataTable.Col source="leadInspectorId" disableSort>
        <ReferenceField source="leadInspectorId" reference="users" link={false} emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
