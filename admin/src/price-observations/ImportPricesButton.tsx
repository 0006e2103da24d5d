import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  type HttpError,
  ReferenceInput,
  useCanAccess,
  useLocale,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { importPrices } from './priceApi';
import type { ImportReport } from '@adaldesk/libs';
import { formatPrice } from './tengePrice';

/** The import's answer: what was saved (flagged rises marked) and every bad row with its reason. */
const ImportReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const good = report.observations.length;
  return (
    <Stack spacing={2} data-testid="import-report">
      <Alert severity={report.rejected > 0 ? 'warning' : 'success'} data-testid="import-summary">
        {report.dryRun
          ? translate('app.prices.import.checked', { ok: good, rejected: report.rejected, flagged: report.flagged })
          : translate('app.prices.import.summary', {
              saved: report.saved,
              rejected: report.rejected,
              flagged: report.flagged,
            })}
      </Alert>
      {report.errors.length > 0 ? (
        <>
          <Typography variant="subtitle2">{translate('app.prices.import.errors')}</Typography>
          <Table size="small" data-testid="import-errors">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.prices.import.row')}</TableCell>
                <TableCell>{translate('app.prices.import.column')}</TableCell>
                <TableCell>{translate('app.prices.import.value')}</TableCell>
                <TableCell>{translate('app.prices.import.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.errors.map((error, index) => (
                <TableRow key={`${error.row}-${error.field}-${index}`}>
                  <TableCell>{error.row}</TableCell>
                  <TableCell>{error.field}</TableCell>
                  <TableCell>{error.value ?? ''}</TableCell>
                  <TableCell>{error.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : (
        <Typography variant="body2">{translate('app.prices.import.all_good')}</Typography>
      )}
      {good > 0 && (
        <>
          <Typography variant="subtitle2">{translate('app.prices.import.saved')}</Typography>
          <Table size="small" data-testid="import-saved">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.prices.import.row')}</TableCell>
                <TableCell>{translate('resources.price-observations.fields.productId')}</TableCell>
                <TableCell>{translate('resources.price-observations.fields.price')}</TableCell>
                <TableCell>{translate('resources.price-observations.fields.baselinePrice')}</TableCell>
                <TableCell>{translate('resources.price-observations.fields.risePercent')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.observations.map((observation) => (
                <TableRow key={observation.row} selected={observation.flagged}>
                  <TableCell>{observation.row}</TableCell>
                  <TableCell>{observation.product}</TableCell>
                  <TableCell>{formatPrice(observation.price, locale)}</TableCell>
                  <TableCell>{formatPrice(observation.baselinePrice, locale)}</TableCell>
                  <TableCell sx={observation.flagged ? { color: 'error.main', fontWeight: 600 } : undefined}>
                    {observation.risePercent === null ? '—' : `${observation.risePercent} %`}
                    {observation.flagged ? ` · ${translate('app.prices.flagged')}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
};

/** "Import CSV" on the price list: a day's prices from a file, answered row by row. */
export const ImportPricesButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'price-observations', action: 'create' });
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  if (!canAccess) return null;

  const close = () => {
    setOpen(false);
    setFile(null);
    setReport(null);
    setDryRun(false);
  };

  const submit = async (values: Record<string, unknown>) => {
    if (!file) return;
    setBusy(true);
    try {
      const answer = await importPrices(file, { inspectionId: values.inspectionId as string | null, dryRun });
      setReport(answer);
      if (answer.saved > 0) refresh();
    } catch (error) {
      notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.prices.import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <Form onSubmit={submit}>
          <DialogTitle>{translate('app.prices.import.title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <Typography variant="body2" color="textSecondary">
                {translate('app.prices.import.help')}
              </Typography>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Button component="label" variant="outlined" label="app.prices.import.choose">
                  <>
                    <UploadIcon />
                    <input
                      hidden
                      type="file"
                      accept=".csv,text/csv"
                      data-testid="import-file"
                      onChange={(event) => {
                        setFile(event.target.files?.[0] ?? null);
                        setReport(null);
                      }}
                    />
                  </>
                </Button>
                <Typography variant="body2">{file?.name ?? translate('app.prices.import.file')}</Typography>
              </Stack>
              <ReferenceInput
                source="inspectionId"
                reference="inspections"
                filter={{ type: 'market' }}
                sort={{ field: 'plannedStartOn', order: 'DESC' }}
              >
                <AutocompleteInput optionText="number" label="app.prices.import.inspection" />
              </ReferenceInput>
              <FormControlLabel
                control={<Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />}
                label={translate('app.prices.import.dry_run')}
              />
              {report && <ImportReportView report={report} />}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.close" onClick={close} />
            <Button
              type="submit"
              variant="contained"
              label="app.prices.import.submit"
              disabled={!file || busy}
              data-testid="import-submit"
            >
              <UploadIcon />
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
