import { RESOURCES } from '@adaldesk/libs';
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { useResourceLabel } from './useResourceLabel';

/** Filters by record type, action and user; built in a hook because record types are labelled per locale. */
export function useAuditEventFilters() {
  const resourceLabel = useResourceLabel();
  const entityTypeChoices = RESOURCES.map((resource) => ({ id: resource, name: resourceLabel(resource) }));
  return [
    <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} translateChoice={false} alwaysOn />,
    <TextInput key="action" source="action" alwaysOn />,
    <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
      <AutocompleteInput optionText="fullName" />
    </ReferenceInput>,
  ];
}
