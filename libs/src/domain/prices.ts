/**
 * Market price monitoring: socially significant food products, the prices inspectors observe at
 * markets, and how each observation is judged against the baseline of its product and region.
 */

/** How a product is sold and priced: per kilogram, per litre, per piece, or per ten (eggs). */
export const PRODUCT_UNITS = ['kg', 'l', 'pcs', '10_pcs'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/**
 * What an observation was judged against: an admin-set baseline valid that day, the rolling median of
 * the region's recent observations, or nothing (too few observations to say; never flagged).
 */
export const BASELINE_SOURCES = ['admin', 'median', 'none'] as const;
export type BaselineSource = (typeof BASELINE_SOURCES)[number];

/** Steps on a price observation, `POST /api/price-observations/:id/actions/<action>`. */
export const PRICE_OBSERVATION_ACTIONS = ['open-finding'] as const;
export type PriceObservationAction = (typeof PRICE_OBSERVATION_ACTIONS)[number];

/**
 * A price in tenge: an exact decimal above zero with at most two decimals (`"1250"`, `"489.90"`).
 * Kept as text end to end (numeric in the database), never a float.
 */
export const TENGE_PRICE = /^(?!0+(\.0{1,2})?$)\d{1,10}(\.\d{1,2})?$/;
export const isTengePrice = (value: unknown): value is string => typeof value === 'string' && TENGE_PRICE.test(value);

/** The product code: lower-case letters, digits and `_` (`sunflower_oil`). */
export const PRODUCT_CODE = /^[a-z][a-z0-9_]{1,49}$/;

/** Defaults of the settings `PRICE_RISE_THRESHOLD_PERCENT`, `PRICE_BASELINE_WINDOW_DAYS`, `PRICE_BASELINE_MIN_OBSERVATIONS`. */
export const DEFAULT_PRICE_RISE_THRESHOLD_PERCENT = 10;
export const DEFAULT_PRICE_BASELINE_WINDOW_DAYS = 30;
export const DEFAULT_PRICE_BASELINE_MIN_OBSERVATIONS = 5;

/** One bad row of an import: where it is in the file and why it was not saved. */
export interface ImportRowProblem {
  row: number;
  field: string;
  value: string | null;
  reason: string;
}

/** `POST /api/price-observations/import`'s answer: what was (or, on a dry run, would be) saved, and why rows were not. */
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
