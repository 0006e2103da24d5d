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
