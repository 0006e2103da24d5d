import ReportIcon from '@mui/icons-material/ReportProblem';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  type HttpError,
  ReferenceInput,
  required,
  SaveButton,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { openFinding } from './priceApi';
import type { PriceObservationRecord } from './priceTypes';

/**
 * "Open finding" on a flagged price: one click when the price was taken during an inspection; else a
 * dialog asks which inspection of that market the finding belongs to.
 */
export const OpenFindingButton = () => {
  const record = useRecordContext<PriceObservationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'price-observations', action: 'open-finding', record });
  if (!record || !record.flagged || record.findingId || !canAccess) return null;

  const open = async (inspectionId?: string | null) => {
    setBusy(true);
    try {
      const opened = await openFinding(record, inspectionId);
      notify('app.prices.open_finding.done', { type: 'success', messageArgs: { number: opened.finding.number } });
      setAsking(false);
      refresh();
    } catch (error) {
      const failure = error as HttpError;
      notify(failure.status === 409 ? 'app.prices.open_finding.exists' : failure.message, { type: 'error' });
      if (failure.status === 409) refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="app.prices.open_finding.button"
        color="error"
        disabled={busy}
        onClick={(event) => {
          // In a list row: do not open the row as well.
          event.stopPropagation();
          if (record.inspectionId) void open();
          else setAsking(true);
        }}
      >
        <ReportIcon />
      </Button>
      <Dialog open={asking} onClose={() => setAsking(false)} onClick={(event) => event.stopPropagation()}>
        <Form onSubmit={(values: Record<string, unknown>) => open(values.inspectionId as string)}>
          <DialogTitle>{translate('app.prices.open_finding.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {translate('app.prices.open_finding.needs_inspection')}
            </DialogContentText>
            <ReferenceInput
              source="inspectionId"
              reference="inspections"
              filter={{ type: 'market', organisationId: record.marketId }}
              sort={{ field: 'plannedStartOn', order: 'DESC' }}
            >
              <AutocompleteInput optionText="number" label="app.prices.open_finding.inspection" validate={required()} />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setAsking(false)} />
            <SaveButton label="app.prices.open_finding.button" icon={<ReportIcon />} disabled={busy} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
