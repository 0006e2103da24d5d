import { API_URL, fetchApi } from '../providers/dataProvider';
import type { ImportReport } from '@adaldesk/libs';
import type { PriceObservationRecord } from './priceTypes';

/** The price endpoints beyond react-admin's CRUD. */
export async function importPrices(
  file: File,
  { inspectionId, dryRun }: { inspectionId?: string | null; dryRun: boolean },
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  if (inspectionId) form.append('inspectionId', inspectionId);
  if (dryRun) form.append('dryRun', 'true');
  return (await fetchApi(`${API_URL}/price-observations/import`, { method: 'POST', body: form })).json as ImportReport;
}

/** Opens the price-gouging finding of a flagged price; answers the observation and the finding. */
export async function openFinding(
  observation: PriceObservationRecord,
  inspectionId?: string | null,
): Promise<PriceObservationRecord & { finding: { id: string; number: string } }> {
  const body = { version: observation.version, ...(inspectionId ? { inspectionId } : {}) };
  const url = `${API_URL}/price-observations/${encodeURIComponent(observation.id)}/actions/open-finding`;
  return (await fetchApi(url, { method: 'POST', body: JSON.stringify(body) })).json as PriceObservationRecord & {
    finding: { id: string; number: string };
  };
}
