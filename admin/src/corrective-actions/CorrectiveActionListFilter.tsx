import { BooleanInput, DateInput, ReferenceInput, SearchInput, SelectArrayInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

const SLA_CHOICES = enumChoices('slaState').filter((choice) => choice.id !== 'paused');

/** The search box (number, description, responsible person) is always there; the others from "filter". */
export const correctiveActionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="app.correctiveActions.overdue" />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('correctiveActionStatus')} />,
  <SelectArrayInput key="slaState" source="slaState" choices={SLA_CHOICES} />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <ReferenceInput key="leadInspectorId" source="leadInspectorId" reference="users" filter={{ role: 'inspector' }} />,
  <DateInput key="dueAt_gte" source="dueAt_gte" label="app.correctiveActions.due_from" />,
  <DateInput key="dueAt_lte" source="dueAt_lte" label="app.correctiveActions.due_to" />,
];
