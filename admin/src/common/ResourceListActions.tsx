import {
  CreateButton,
  FilterButton,
  TopToolbar,
  useCanAccess,
  useFilterContext,
  useResourceDefinition,
} from 'react-admin';
import { ServerExportButton } from './ServerExportButton';

/**
 * The list toolbar: filters (when the list has any), "create" where the resource has a create page (the
 * button itself checks the permission), and "export" only for those the rules allow to export. The
 * export is the API's CSV of the whole list as filtered and sorted on screen.
 */
export const ResourceListActions = () => {
  const filters = useFilterContext();
  const { hasCreate } = useResourceDefinition();
  const { canAccess: canExport } = useCanAccess({ action: 'export' });
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      {canExport && <ServerExportButton />}
    </TopToolbar>
  );
};
