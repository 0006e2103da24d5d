import { Box } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useLocale,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import { OpenFindingButton } from './OpenFindingButton';
import { PriceChart } from './PriceChart';
import type { PriceObservationRecord } from './priceTypes';
import { RiseField } from './RiseField';
import { formatPrice } from './tengePrice';
import { FIELD_GRID } from '../common/ShowSection';

const PriceObservationShowActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <OpenFindingButton />
    <EditButton />
  </TopToolbar>
);

const PriceObservationDetails = () => {
  const record = useRecordContext<PriceObservationRecord>();
  const locale = useLocale();
  if (!record) return null;
  const price = (source: 'price' | 'baselinePrice') => (
    <FunctionField<PriceObservationRecord> source={source} render={(row) => formatPrice(row[source], locale)} />
  );
  const fields = [
    <ReferenceField key="productId" source="productId" reference="products" link={false} />,
    <SelectField key="unit" source="unit" choices={enumChoices('productUnit')} />,
    <ReferenceField key="marketId" source="marketId" reference="organisations" link={false} />,
    <RegionField key="regionId" source="regionId" />,
    <DateTimeField key="observedAt" source="observedAt" />,
    <ReferenceField key="inspectorId" source="inspectorId" reference="users" link={false} />,
    <Box key="price">{price('price')}</Box>,
    <Box key="baselinePrice">{price('baselinePrice')}</Box>,
    <SelectField key="baselineSource" source="baselineSource" choices={enumChoices('baselineSource')} />,
    <NumberField key="baselineObservations" source="baselineObservations" emptyText="—" />,
    <RiseField key="risePercent" source="risePercent" />,
    <TextField key="thresholdPercent" source="thresholdPercent" />,
    <ReferenceField key="inspectionId" source="inspectionId" reference="inspections" link="show" emptyText="—">
      <TextField source="number" />
    </ReferenceField>,
    <ReferenceField key="findingId" source="findingId" reference="findings" link="show" emptyText="—">
      <TextField source="number" />
    </ReferenceField>,
  ];
  const labels = [
    'productId',
    'unit',
    'marketId',
    'regionId',
    'observedAt',
    'inspectorId',
    'price',
    'baselinePrice',
    'baselineSource',
    'baselineObservations',
    'risePercent',
    'thresholdPercent',
    'inspectionId',
    'findingId',
  ];
  return (
    <Box sx={{ p: 2 }}>
      <Box sx={FIELD_GRID}>
        {fields.map((field, index) => (
          <Labeled key={labels[index]} source={labels[index]} resource="price-observations">
            {field}
          </Labeled>
        ))}
      </Box>
      <PriceChart productId={record.productId} marketId={record.marketId} />
    </Box>
  );
};

export const PriceObservationShow = () => (
  <Show actions={<PriceObservationShowActions />}>
    <PriceObservationDetails />
  </Show>
);
