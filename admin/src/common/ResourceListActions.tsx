import {
  CreateButton,
  ExportButton,
  FilterButton,
  TopToolbar,
  useCanAccess,
  useFilterContext,
  useResourceDefinition,
} from 'react-admin';

/**
 * The list toolbar: filters (when the list has any), "create" where the resource has a create page (the
 * button itself checks the permission), and "export" only for those the rules allow to export.
 */
export const ResourceListActions = () => {
  const filters = useFilterContext();
  const { hasCreate } = useResourceDefinition();
  const { canAccess: canExport } = useCanAccess({ action: 'export' });
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      {canExport && <ExportButton />}
    </TopToolbar>
  );
};
