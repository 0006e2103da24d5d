import type { BaselineSource, ProductUnit } from '@adaldesk/libs';

/** A price observation as the API returns it; prices and percentages are exact decimal strings. */
export interface PriceObservationRecord {
  id: string;
  version: number;
  productId: string;
  unit: ProductUnit;
  price: string;
  marketId: string;
  regionId: string;
  observedAt: string;
  observedOn: string;
  inspectorId: string;
  inspectionId: string | null;
  baselinePrice: string | null;
  baselineSource: BaselineSource;
  baselineObservations: number | null;
  risePercent: string | null;
  thresholdPercent: string;
  flagged: boolean;
  findingId: string | null;
}

/** One bad row of an import: where it is in the file and why it was not saved. */
export interface ImportRowProblem {
  row: number;
  field: string;
  value: string | null;
  reason: string;
}

/** `POST /api/price-observations/import`'s answer. */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  saved: number;
  rejected: number;
  flagged: number;
  ignoredColumns: string[];
  observations: {
    row: number;
    id: string | null;
    product: string;
    price: string;
    observedOn: string;
    baselinePrice: string | null;
    baselineSource: BaselineSource;
    risePercent: string | null;
    flagged: boolean;
  }[];
  errors: ImportRowProblem[];
}
