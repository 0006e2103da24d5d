import { DateTimeInput, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { MarketInput } from './PriceObservationListFilter';
import { TENGE_PRICE_INPUT, tengePriceParse } from './tengePrice';

/** Unit, region and verdict come from the product, the market and the baseline: the server's. */
export const PriceObservationInputs = () => (
  <>
    <ReferenceInput
      source="productId"
      reference="products"
      sort={{ field: 'code', order: 'ASC' }}
      filter={{ active: true }}
      perPage={200}
    >
      <SelectInput validate={required()} />
    </ReferenceInput>
    <MarketInput source="marketId" />
    <TextInput
      source="price"
      validate={[required(), regex(TENGE_PRICE_INPUT, 'app.prices.price_invalid')]}
      parse={tengePriceParse}
    />
    <DateTimeInput source="observedAt" validate={required()} />
  </>
);
