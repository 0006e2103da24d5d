import {
  CreateButton,
  DataTable,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocale,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ServerExportButton } from '../common/ServerExportButton';
import { ImportPricesButton } from './ImportPricesButton';
import { OpenFindingButton } from './OpenFindingButton';
import { priceObservationFilters } from './PriceObservationListFilter';
import type { PriceObservationRecord } from './priceTypes';
import { RiseField } from './RiseField';
import { formatPrice } from './tengePrice';

const PriceObservationListActions = () => {
  const { canAccess: canExport } = useCanAccess({ resource: 'price-observations', action: 'export' });
  return (
    <TopToolbar>
      <FilterButton />
      <ImportPricesButton />
      <CreateButton />
      {canExport && <ServerExportButton />}
    </TopToolbar>
  );
};

export const PriceObservationList = () => {
  const locale = useLocale();
  return (
    <List
      filters={priceObservationFilters}
      actions={<PriceObservationListActions />}
      sort={{ field: 'observedAt', order: 'DESC' }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="observedAt" field={DateTimeField} />
        <DataTable.Col source="productId" disableSort>
          <ReferenceField source="productId" reference="products" link={false} />
        </DataTable.Col>
        <DataTable.Col source="marketId" disableSort>
          <ReferenceField source="marketId" reference="organisations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="price">
          <FunctionField<PriceObservationRecord> render={(record) => formatPrice(record.price, locale)} />
        </DataTable.Col>
        <DataTable.Col source="baselinePrice" disableSort>
          <FunctionField<PriceObservationRecord> render={(record) => formatPrice(record.baselinePrice, locale)} />
        </DataTable.Col>
        <DataTable.Col source="risePercent">
          <RiseField />
        </DataTable.Col>
        <DataTable.Col source="findingId" disableSort>
          <FindingCell />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

/** The finding opened from the price, or the button that opens it. */
const FindingCell = () => (
  <>
    <ReferenceField source="findingId" reference="findings" link="show" emptyText="">
      <TextField source="number" />
    </ReferenceField>
    <OpenFindingButton />
  </>
);
