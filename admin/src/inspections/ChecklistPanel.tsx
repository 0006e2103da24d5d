import { CHECKLIST_ANSWERS, CHECKLIST_TEMPLATES, type ChecklistEntry } from '@adaldesk/libs';
import {
  Box,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Button,
  type HttpError,
  useCanAccess,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { localizedName } from '../common/localizedName';
import type { InspectionRecord } from './inspectionTypes';

/**
 * The type's checklist: each item ok, violation or not checked, with a note. Answered while the
 * inspection is in progress by those who act on it; read by everyone else.
 */
export const ChecklistPanel = () => {
  const inspection = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending: saving }] = useUpdate();
  const { canAccess } = useCanAccess({
    resource: 'inspections',
    action: 'update',
    record: inspection,
    enabled: !!inspection,
  });
  const [draft, setDraft] = useState<Record<string, ChecklistEntry> | null>(null);
  if (!inspection) return null;
  const editable = canAccess && inspection.status === 'in_progress';
  const entries = Object.fromEntries(inspection.checklist.map((entry) => [entry.code, entry]));
  const current = (code: string) => draft?.[code] ?? entries[code] ?? { code, answer: null, note: null };
  const change = (code: string, patch: Partial<ChecklistEntry>) =>
    setDraft((previous) => ({ ...(previous ?? {}), [code]: { ...current(code), ...patch } }));

  const save = () => {
    if (!draft) return;
    update(
      'inspections',
      { id: inspection.id, data: { checklist: Object.values(draft) }, previousData: inspection },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setDraft(null);
          notify('app.inspections.checklist_saved', { type: 'success' });
          refresh();
        },
        onError: (error) => notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' }),
      },
    );
  };

  return (
    <Box component="section" sx={{ mb: 2 }} data-testid="checklist">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.inspections.sections.checklist')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.inspections.checklist.item')}</TableCell>
            <TableCell>{translate('app.inspections.checklist.answer')}</TableCell>
            <TableCell>{translate('app.inspections.checklist.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {CHECKLIST_TEMPLATES[inspection.type].map((item) => {
            const entry = current(item.code);
            return (
              <TableRow key={item.code} data-item={item.code}>
                <TableCell>{localizedName(item, locale)}</TableCell>
                <TableCell>
                  {editable ? (
                    <MuiTextField
                      select
                      size="small"
                      value={entry.answer ?? ''}
                      onChange={(event) =>
                        change(item.code, { answer: (event.target.value || null) as ChecklistEntry['answer'] })
                      }
                      sx={{ minWidth: 160 }}
                      slotProps={{ htmlInput: { 'aria-label': localizedName(item, locale) } }}
                    >
                      <MenuItem value="">—</MenuItem>
                      {CHECKLIST_ANSWERS.map((answer) => (
                        <MenuItem key={answer} value={answer}>
                          {translate(`enums.checklistAnswer.${answer}`)}
                        </MenuItem>
                      ))}
                    </MuiTextField>
                  ) : entry.answer ? (
                    translate(`enums.checklistAnswer.${entry.answer}`)
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>
                  {editable ? (
                    <MuiTextField
                      size="small"
                      value={entry.note ?? ''}
                      onChange={(event) => change(item.code, { note: event.target.value || null })}
                      fullWidth
                    />
                  ) : (
                    (entry.note ?? '')
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editable && (
        <Button
          label="app.inspections.save_checklist"
          onClick={save}
          disabled={!draft || saving}
          variant="contained"
          sx={{ mt: 1 }}
        />
      )}
    </Box>
  );
};
