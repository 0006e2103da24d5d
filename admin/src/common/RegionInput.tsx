import { ReferenceInput, SelectInput, useLocale } from 'react-admin';
import { localizedName, type MultilingualName } from './localizedName';

interface RegionInputProps {
  source?: string;
  /** Whether the empty choice reads "national (all regions)"; off in list filters, where empty means "any". */
  allowNational?: boolean;
  /** Read by react-admin's filter form when the input is a list filter. */
  alwaysOn?: boolean;
}

/** A region chosen by its name in the interface language; no region means national scope. */
export const RegionInput = ({ source = 'regionId', allowNational = true }: RegionInputProps) => {
  const locale = useLocale();
  return (
    <ReferenceInput source={source} reference="regions" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput
        optionText={(region: MultilingualName) => localizedName(region, locale)}
        emptyText={allowNational ? 'app.national' : undefined}
        // Show "national" as the value when no region is chosen, not an empty box.
        slotProps={allowNational ? { select: { displayEmpty: true }, inputLabel: { shrink: true } } : undefined}
      />
    </ReferenceInput>
  );
};
