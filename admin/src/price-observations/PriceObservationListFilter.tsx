import { AutocompleteInput, DateInput, NullableBooleanInput, ReferenceInput, SelectInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput';

/** A market is an organisation of type market. */
export const MarketInput = ({ source = 'marketId', alwaysOn }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceInput
    source={source}
    reference="organisations"
    filter={{ type: 'market' }}
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput />
  </ReferenceInput>
);

export const priceObservationFilters = [
  <ReferenceInput
    key="productId"
    source="productId"
    reference="products"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={200}
    alwaysOn
  >
    <SelectInput />
  </ReferenceInput>,
  <MarketInput key="marketId" source="marketId" alwaysOn />,
  <NullableBooleanInput key="flagged" source="flagged" alwaysOn />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <DateInput key="observedOn_gte" source="observedOn_gte" />,
  <DateInput key="observedOn_lte" source="observedOn_lte" />,
];
