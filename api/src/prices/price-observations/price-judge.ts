import type { BaselineSource } from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';

export interface JudgeSettings {
  /** `PRICE_RISE_THRESHOLD_PERCENT`, unless the product overrides it. */
  thresholdPercent: number;
  /** `PRICE_BASELINE_WINDOW_DAYS`. */
  windowDays: number;
  /** `PRICE_BASELINE_MIN_OBSERVATIONS`. */
  minObservations: number;
}

export interface PriceToJudge {
  productId: string;
  regionId: string;
  /** The observation's civil day. */
  observedOn: string;
  price: string;
}

export interface Verdict {
  baselinePrice: string | null;
  baselineSource: BaselineSource;
  baselineObservations: number | null;
  risePercent: string | null;
  thresholdPercent: string;
  flagged: boolean;
}

/**
 * Judges a price against the baseline of its product and region, all in SQL and in exact decimals:
 *
 * - an admin-set baseline valid on the observation's day takes precedence;
 * - otherwise the median (`percentile_cont(0.5)`) of the region's observations of the product on the
 *   `windowDays` days before the observation's day. The day itself is left out, so the observation is
 *   never judged against itself, and a day's prices are judged alike whatever order they arrive in;
 * - with fewer than `minObservations` in the window there is no baseline and nothing is flagged.
 *
 * The median is taken over whole tenge-cents (exact in a double), so the middle of two prices is exact
 * to half a cent. A rise is flagged when it is strictly above the threshold: exactly 10 % is not.
 */
export async function judgePrice(
  manager: EntityManager,
  input: PriceToJudge,
  settings: JudgeSettings,
): Promise<Verdict> {
  const [row] = (await manager.query(
    `WITH admin AS (
       SELECT price FROM price_baselines
        WHERE product_id = $1 AND region_id = $2
          AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)
     ), recent AS (
       SELECT count(*)::int AS observations,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (price * 100)::float8) AS median_cents
         FROM price_observations
        WHERE product_id = $1 AND region_id = $2
          AND observed_on >= $3::date - $4::int AND observed_on < $3::date
     ), chosen AS (
       SELECT CASE WHEN EXISTS (SELECT 1 FROM admin) THEN 'admin'
                   WHEN observations >= $5 THEN 'median' ELSE 'none' END AS source,
              coalesce((SELECT price FROM admin)::numeric,
                       CASE WHEN observations >= $5 THEN round(median_cents::numeric / 100, 3) END) AS baseline,
              observations
         FROM recent
     ), threshold AS (
       SELECT coalesce((SELECT rise_threshold_percent FROM products WHERE id = $1), $6::numeric) AS percent
     )
     SELECT source,
            baseline::text AS baseline,
            CASE WHEN source = 'median' THEN observations END AS observations,
            percent::text AS threshold,
            round(($7::numeric - baseline) * 100 / baseline, 2)::text AS rise,
            coalesce($7::numeric * 100 > baseline * (100 + percent), false) AS flagged
       FROM chosen, threshold`,
    [
      input.productId,
      input.regionId,
      input.observedOn,
      settings.windowDays,
      settings.minObservations,
      String(settings.thresholdPercent),
      input.price,
    ],
  )) as {
    source: BaselineSource;
    baseline: string | null;
    observations: number | null;
    threshold: string;
    rise: string | null;
    flagged: boolean;
  }[];
  return {
    baselinePrice: row.baseline,
    baselineSource: row.source,
    baselineObservations: row.observations,
    risePercent: row.rise,
    thresholdPercent: row.threshold,
    flagged: row.flagged,
  };
}
