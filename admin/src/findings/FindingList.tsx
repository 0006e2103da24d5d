import {
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
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionInput } from '../common/RegionInput';
import { ServerExportButton } from '../common/ServerExportButton';
import { AmountField } from './FindingShow';

export const findingFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('findingKind')} />,
  <SelectInput key="severity" source="severity" choices={enumChoices('findingSeverity')} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <DateInput key="createdAt_gte" source="createdAt_gte" />,
  <DateInput key="createdAt_lte" source="createdAt_lte" />,
];

const FindingListActions = () => {
  const { canAccess: canExport } = useCanAccess({ resource: 'findings', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      {canExport && <ServerExportButton />}
    </TopToolbar>
  );
};

/** Findings are logged from their inspection's page; this list is for reading across inspections. */
export const FindingList = () => (
  <List filters={findingFilters} actions={<FindingListActions />} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" />
      <DataTable.Col source="inspectionId" disableSort>
        <ReferenceField source="inspectionId" reference="inspections" link={false} />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={enumChoices('findingKind')} />
      </DataTable.Col>
      <DataTable.Col source="severity">
        <SelectField source="severity" choices={enumChoices('findingSeverity')} />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <AmountField />
      </DataTable.Col>
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
