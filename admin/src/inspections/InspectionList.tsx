import TodayIcon from '@mui/icons-material/Today';
import {
  BooleanInput,
  Button,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useListContext,
  usePermissions,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { ServerExportButton } from '../common/ServerExportButton';
import { CivilDateField } from '../referrals/CivilDateField';
import { InspectionStatusChip } from './StatusChip';

/** "Mine" and "today" are the inspector's desk: the inspections they lead or are on, to do now. */
export const inspectionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="mine" source="mine" label="app.inspections.filters.mine" />,
  <BooleanInput key="today" source="today" label="app.inspections.filters.today" />,
  <SelectInput key="status" source="status" choices={enumChoices('inspectionStatus')} />,
  <SelectInput key="type" source="type" choices={enumChoices('inspectionType')} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <DateInput key="plannedStartOn_gte" source="plannedStartOn_gte" />,
  <DateInput key="plannedStartOn_lte" source="plannedStartOn_lte" />,
];

/** One click back to the desk, whatever filters are on. */
const TodayButton = () => {
  const { setFilters } = useListContext();
  return (
    <Button
      label="app.inspections.today"
      onClick={() => setFilters({ mine: true, today: true }, {})}
      data-testid="todays-inspections"
    >
      <TodayIcon />
    </Button>
  );
};

const InspectionListActions = () => {
  const { canAccess: canExport } = useCanAccess({ resource: 'inspections', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      <TodayButton />
      <CreateButton />
      {canExport && <ServerExportButton />}
    </TopToolbar>
  );
};

/** Inspectors land on today's inspections; everyone else on the region's list. */
export const InspectionList = () => {
  const { permissions: role, isPending } = usePermissions<string | null>();
  if (isPending) return null;
  const desk = role === 'inspector' ? { mine: true, today: true } : {};
  return (
    <List
      filters={inspectionFilters}
      filterDefaultValues={desk}
      actions={<InspectionListActions />}
      sort={{ field: 'plannedStartOn', order: 'DESC' }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="number" />
        <DataTable.Col source="type">
          <SelectField source="type" choices={enumChoices('inspectionType')} />
        </DataTable.Col>
        <DataTable.Col source="organisationId" disableSort>
          <ReferenceField source="organisationId" reference="organisations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <InspectionStatusChip />
        </DataTable.Col>
        <DataTable.Col source="plannedStartOn" field={CivilDateField} />
        <DataTable.Col source="plannedEndOn" field={CivilDateField} />
        <DataTable.Col source="leadInspectorId" disableSort>
          <ReferenceField source="leadInspectorId" reference="users" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
