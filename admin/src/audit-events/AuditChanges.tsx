import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface AuditEventRecord {
  entityType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const show = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 1));

/**
 * The fields an event touched, before and after, side by side. A create has only "after" and a delete
 * only "before"; an update stores just the fields that changed.
 */
export const AuditChanges = () => {
  const event = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  if (!event) return null;
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) return null;
  const fieldLabel = (field: string) => translate(`resources.${event.entityType}.fields.${field}`, { _: field });
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('app.audit.changes')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell>{translate('resources.audit-events.fields.before')}</TableCell>
            <TableCell>{translate('resources.audit-events.fields.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell component="th" scope="row">
                {fieldLabel(field)}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {show(before[field])}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {show(after[field])}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
