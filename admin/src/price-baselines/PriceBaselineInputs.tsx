import { DateInput, maxLength, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { RegionInput } from '../common/RegionInput';
import { TENGE_PRICE_INPUT, tengePriceParse } from '../price-observations/tengePrice';

export const PriceBaselineInputs = () => (
  <>
    <ReferenceInput source="productId" reference="products" perPage={200} sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput validate={required()} />
    </ReferenceInput>
    <RegionInput source="regionId" allowNational={false} />
    <TextInput
      source="price"
      validate={[required(), regex(TENGE_PRICE_INPUT, 'app.prices.price_invalid')]}
      parse={tengePriceParse}
    />
    <DateInput source="validFrom" validate={required()} />
    <DateInput source="validTo" parse={(value: string) => value || null} />
    <TextInput source="note" multiline minRows={2} validate={maxLength(2000)} />
  </>
);
