import { FunctionField, ReferenceField, useLocale } from 'react-admin';
import { localizedName, type MultilingualName } from './localizedName';

/** A region by its name in the interface language; no region reads as national scope. */
export const RegionField = ({ source }: { source: string }) => {
  const locale = useLocale();
  return (
    <ReferenceField source={source} reference="regions" emptyText="app.national" link={false}>
      <FunctionField<MultilingualName> render={(region) => localizedName(region, locale)} />
    </ReferenceField>
  );
};
