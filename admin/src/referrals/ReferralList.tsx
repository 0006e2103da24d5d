import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import {
  Button,
  DataTable,
  FilterButton,
  CreateButton,
  List,
  ReferenceField,
  SelectField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { ServerExportButton } from '../common/ServerExportButton';
import { CivilDateField } from './CivilDateField';
import { FunnelPanel } from './FunnelPanel';
import { referralFilters } from './ReferralListFilter';
import { StageChip } from './StageChip';

const AGENCY_CHOICES = enumChoices('referralAgency');

const ReferralListActions = () => {
  const { canAccess: canExport } = useCanAccess({ resource: 'referrals', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      <Button to="/referrals/board" label="app.referrals.board.open">
        <ViewColumnIcon />
      </Button>
      <CreateButton />
      {canExport && <ServerExportButton />}
    </TopToolbar>
  );
};

export const ReferralList = () => (
  <List filters={referralFilters} actions={<ReferralListActions />} sort={{ field: 'referredOn', order: 'DESC' }}>
    <FunnelPanel />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" />
      <DataTable.Col source="referredOn" field={CivilDateField} />
      <DataTable.Col source="status">
        <StageChip />
      </DataTable.Col>
      <DataTable.Col source="agency">
        <SelectField source="agency" choices={AGENCY_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="summary" disableSort />
      <DataTable.Col source="organisationId" disableSort>
        <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="registerNumber" disableSort />
      <DataTable.Col source="ownerId" disableSort>
        <ReferenceField source="ownerId" reference="users" link={false} emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
