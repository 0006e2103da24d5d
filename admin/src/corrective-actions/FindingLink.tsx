import { ReferenceField, TextField, useResourceDefinitions } from 'react-admin';

/** The finding an action belongs to: a link to its page where findings are a resource of this UI. */
export const FindingLink = ({ source = 'findingId' }: { source?: string; label?: string }) => {
  const resources = useResourceDefinitions();
  if (!resources.findings) return <TextField source={source} />;
  return <ReferenceField source={source} reference="findings" link="show" emptyText="—" />;
};
