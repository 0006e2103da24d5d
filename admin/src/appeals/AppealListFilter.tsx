import { BooleanInput, DateInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';
import { AssigneeInput, CategoryInput, OrganisationInput } from './AppealReferenceInputs';

/** The search box is always there; every other filter is added from the "filter" button. */
export const appealFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('appealStatus')} />,
  <SelectArrayInput key="outcome" source="outcome" choices={enumChoices('appealOutcome')} />,
  <SelectInput key="slaState" source="slaState" choices={enumChoices('slaState')} />,
  <SelectInput key="channel" source="channel" choices={enumChoices('appealChannel')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('appealKind')} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <CategoryInput key="categoryId" source="categoryId" />,
  <OrganisationInput key="organisationId" source="organisationId" />,
  <AssigneeInput key="assigneeId" source="assigneeId" />,
  // Added switched on: "unassigned" is what triage looks for; switched off it is "assigned".
  <BooleanInput key="assigneeId_null" source="assigneeId_null" defaultValue={true} />,
  <BooleanInput key="categoryId_null" source="categoryId_null" defaultValue={true} />,
  <BooleanInput key="organisationId_null" source="organisationId_null" defaultValue={true} />,
  <DateInput key="receivedAt_gte" source="receivedAt_gte" />,
  <DateInput key="receivedAt_lte" source="receivedAt_lte" />,
  <DateInput key="registeredAt_gte" source="registeredAt_gte" />,
  <DateInput key="registeredAt_lte" source="registeredAt_lte" />,
  <DateInput key="decidedAt_gte" source="decidedAt_gte" />,
  <DateInput key="decidedAt_lte" source="decidedAt_lte" />,
];
