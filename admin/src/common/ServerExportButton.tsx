import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import { saveFile } from './saveFile';

/**
 * "Export" that asks the API for the CSV of the whole list, with the filter and sort on screen: the
 * server applies the same permissions and hidden fields as to the list, and the browser never pages
 * through thousands of records.
 */
export const ServerExportButton = () => {
  const { resource, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await dataProvider.exportCsv(resource, { filter: filterValues, sort });
      saveFile(blob, fileName ?? `${resource}-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="ra.action.export" onClick={download} disabled={busy || total === 0} startIcon={<DownloadIcon />} />
  );
};
