import { DateInput, SearchInput, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { AssigneeInput, CategoryInput, OrganisationInput } from './AppealReferenceInputs';

/** The search box is always there; every other filter is added from the "filter" button. */
export const appealFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('appealStatus')} />,
  <SelectInput key="slaState" source="slaState" choices={enumChoices('slaState')} />,
  <SelectInput key="channel" source="channel" choices={enumChoices('appealChannel')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('appealKind')} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <CategoryInput key="categoryId" source="categoryId" />,
  <OrganisationInput key="organisationId" source="organisationId" />,
  <AssigneeInput key="assigneeId" source="assigneeId" />,
  <DateInput key="receivedAt_gte" source="receivedAt_gte" />,
  <DateInput key="receivedAt_lte" source="receivedAt_lte" />,
];
