import {
  DEFAULT_PRICE_BASELINE_MIN_OBSERVATIONS,
  DEFAULT_PRICE_BASELINE_WINDOW_DAYS,
  DEFAULT_PRICE_RISE_THRESHOLD_PERCENT,
  withCheckDigit,
} from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';
import { judgePrice } from '../prices/price-observations/price-judge.js';
import { insertRows, Random } from './demo-appeals.js';

export interface DemoPricesOptions {
  /** The demo's present: a year of weekly prices ends on the last monitoring day before it. */
  now: Date;
  timeZone: string;
  priceRiseThresholdPercent?: number;
  priceBaselineWindowDays?: number;
  priceBaselineMinObservations?: number;
  randomSeed?: number;
}

export interface DemoPricesResult {
  observations: number;
  flagged: number;
  markets: number;
}

/** Retail prices in tenge in Almaty at the start of the demo year (per kg, l or 10 eggs). */
const BASE_PRICES: Record<string, number> = {
  wheat_flour: 310,
  wheat_bread: 265,
  pasta: 455,
  buckwheat: 540,
  rice: 590,
  potatoes: 190,
  carrots: 175,
  onions: 160,
  cabbage: 150,
  sugar: 480,
  sunflower_oil: 890,
  beef: 3950,
  chicken: 1520,
  milk: 490,
  kefir: 530,
  butter: 4900,
  cottage_cheese: 2750,
  cheese: 4300,
  eggs: 680,
  salt: 105,
};

/** Vegetables are dearest before the new harvest (late spring) and cheapest in autumn. */
const SEASONAL = new Set(['potatoes', 'carrots', 'onions', 'cabbage']);

/** The markets watched, by region, with how dear each is against the region's level. */
const MARKETS: { regionCode: string; name: string; binPrefix: string; address: string; level: number }[] = [
  {
    regionCode: 'KZ-75',
    name: '«Алтын Орда» базары',
    binPrefix: '05114000321',
    address: 'Алматы қ., Жетісу ауданы, Райымбек даңғылы, 348',
    level: 0.98,
  },
  {
    regionCode: 'KZ-75',
    name: 'Көк базар (Зелёный базар)',
    binPrefix: '97044100112',
    address: 'Алматы қ., Алмалы ауданы, Жібек жолы даңғылы, 53',
    level: 1.03,
  },
  {
    regionCode: 'KZ-75',
    name: '«Тастақ» базары',
    binPrefix: '01124100223',
    address: 'Алматы қ., Әуезов ауданы, Төле би к-сі, 249',
    level: 1.0,
  },
  {
    regionCode: 'KZ-71',
    name: '«Шапағат» базары',
    binPrefix: '99084100334',
    address: 'Астана қ., Сарыарқа ауданы, Бейбітшілік к-сі, 40',
    level: 1.03,
  },
  {
    regionCode: 'KZ-71',
    name: '«Күйгенжар» базары',
    binPrefix: '04034100445',
    address: 'Астана қ., Байқоңыр ауданы, Жеңіс даңғылы, 101',
    level: 0.99,
  },
  {
    regionCode: 'KZ-79',
    name: '«Самал» базары',
    binPrefix: '02064100556',
    address: 'Шымкент қ., Әл-Фараби ауданы, Тәуке хан даңғылы, 5',
    level: 0.97,
  },
  {
    regionCode: 'KZ-79',
    name: '«Береке» базары',
    binPrefix: '06094100667',
    address: 'Шымкент қ., Абай ауданы, Жібек жолы к-сі, 12',
    level: 1.0,
  },
];

/** How dear each region is against Almaty. */
const REGION_LEVEL: Record<string, number> = { 'KZ-75': 1.0, 'KZ-71': 1.04, 'KZ-79': 0.93 };

/** Weeks (counted back from the last) at which a market asks far more than usual for a product. */
const SPIKES: { market: number; product: string; weeksAgo: number; rise: number }[] = [
  { market: 1, product: 'beef', weeksAgo: 1, rise: 0.22 },
  { market: 0, product: 'sugar', weeksAgo: 6, rise: 0.18 },
  { market: 3, product: 'sunflower_oil', weeksAgo: 3, rise: 0.27 },
  { market: 5, product: 'eggs', weeksAgo: 10, rise: 0.35 },
  { market: 4, product: 'buckwheat', weeksAgo: 19, rise: 0.16 },
  { market: 2, product: 'butter', weeksAgo: 30, rise: 0.2 },
];

const WEEKS = 52;
const DAY = 86_400_000;

/**
 * A year of weekly market-price monitoring at seven markets in Almaty, Astana and Shymkent: every
 * socially significant product, with slow inflation, seasonal vegetables, a little noise and a few
 * spikes. Each day's prices are judged exactly as the API judges them (`judgePrice`), oldest day
 * first, so the flags and baselines on screen are the ones the office would have seen.
 */
export async function seedDemoPrices(manager: EntityManager, options: DemoPricesOptions): Promise<DemoPricesResult> {
  const random = new Random(options.randomSeed ?? 4_2026);
  const settings = {
    thresholdPercent: options.priceRiseThresholdPercent ?? DEFAULT_PRICE_RISE_THRESHOLD_PERCENT,
    windowDays: options.priceBaselineWindowDays ?? DEFAULT_PRICE_BASELINE_WINDOW_DAYS,
    minObservations: options.priceBaselineMinObservations ?? DEFAULT_PRICE_BASELINE_MIN_OBSERVATIONS,
  };
  const products = (await manager.query(
    `SELECT id, code, unit FROM products WHERE active AND code = ANY($1) ORDER BY code`,
    [Object.keys(BASE_PRICES)],
  )) as { id: string; code: string; unit: string }[];
  const markets = await ensureMarkets(manager);
  const { recorder, people } = await recorders(manager);

  // Monitoring day: Tuesday, from the last one before today back a year.
  const today = localDate(options.now, options.timeZone);
  const todayUtc = Date.parse(`${today}T00:00:00Z`);
  const lastTuesday = todayUtc - ((new Date(todayUtc).getUTCDay() - 2 + 7) % 7 || 7) * DAY;
  await adminBaseline(manager, today);
  let observations = 0;
  let flagged = 0;
  for (let weeksAgo = WEEKS - 1; weeksAgo >= 0; weeksAgo -= 1) {
    const day = new Date(lastTuesday - weeksAgo * 7 * DAY).toISOString().slice(0, 10);
    const yearFraction = (WEEKS - 1 - weeksAgo) / WEEKS;
    // The day's prices are judged against earlier days only, so they are judged first, then saved together.
    const rows: unknown[][] = [];
    for (const [marketIndex, market] of markets.entries()) {
      for (const product of products) {
        const spike = SPIKES.find(
          (s) => s.market === marketIndex && s.product === product.code && s.weeksAgo === weeksAgo,
        );
        const price = priceOf(product.code, market, yearFraction, day, random, spike?.rise ?? 0);
        const observedAt = new Date(
          `${day}T${String(9 + random.int(0, 3)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+05:00`,
        );
        const verdict = await judgePrice(
          manager,
          { productId: product.id, regionId: market.regionId, observedOn: day, price },
          settings,
        );
        if (verdict.flagged) flagged += 1;
        rows.push([
          product.id,
          product.unit,
          price,
          market.id,
          market.regionId,
          observedAt,
          day,
          recorder(market.regionId),
          verdict.baselinePrice,
          verdict.baselineSource,
          verdict.baselineObservations,
          verdict.risePercent,
          verdict.thresholdPercent,
          verdict.flagged,
        ]);
      }
    }
    const inserted = await insertRows(manager, 'price_observations', OBSERVATION_COLUMNS, rows, 'RETURNING id');
    // Each price is in the audit trail as its inspector's entry, as one made through the API would be.
    await insertRows(
      manager,
      'audit_events',
      [
        'occurred_at',
        'actor_id',
        'actor_email',
        'actor_role',
        'action',
        'entity_type',
        'entity_id',
        'region_id',
        'after',
      ],
      rows.map((row, index) => {
        const actor = people.get(row[7] as string)!;
        const after = Object.fromEntries(OBSERVATION_FIELDS.map((field, at) => [field, row[at]]));
        return [
          row[5],
          actor.id,
          actor.email,
          actor.role,
          'create',
          'price-observations',
          inserted[index].id,
          row[4],
          JSON.stringify({ id: inserted[index].id, ...after }),
        ];
      }),
    );
    observations += rows.length;
  }
  return { observations, flagged, markets: markets.length };
}

/** The API's names of the columns, for the audit trail's record of each price. */
const OBSERVATION_FIELDS = [
  'productId',
  'unit',
  'price',
  'marketId',
  'regionId',
  'observedAt',
  'observedOn',
  'inspectorId',
  'baselinePrice',
  'baselineSource',
  'baselineObservations',
  'risePercent',
  'thresholdPercent',
  'flagged',
];

const OBSERVATION_COLUMNS = [
  'product_id',
  'unit',
  'price',
  'market_id',
  'region_id',
  'observed_at',
  'observed_on',
  'inspector_id',
  'baseline_price',
  'baseline_source',
  'baseline_observations',
  'rise_percent',
  'threshold_percent',
  'flagged',
] as const;

interface MarketRow {
  id: string;
  regionId: string;
  regionCode: string;
  level: number;
}

/** Whole tenge, as price tags show them. */
function priceOf(
  code: string,
  market: MarketRow,
  yearFraction: number,
  day: string,
  random: Random,
  spike: number,
): string {
  const inflation = 1 + 0.085 * yearFraction;
  const month = Number(day.slice(5, 7));
  // Dearest in May, cheapest in October.
  const season = SEASONAL.has(code) ? 1 + 0.1 * Math.cos(((month - 5) / 12) * 2 * Math.PI) : 1;
  const noise = 1 + random.between(-0.025, 0.025);
  const level = (REGION_LEVEL[market.regionCode] ?? 1) * market.level;
  return String(Math.round(BASE_PRICES[code] * inflation * season * noise * level * (1 + spike)));
}

async function ensureMarkets(manager: EntityManager): Promise<MarketRow[]> {
  const rows: MarketRow[] = [];
  for (const market of MARKETS) {
    const [existing] = await manager.query(
      `SELECT o.id, o.region_id AS "regionId" FROM organisations o JOIN regions r ON r.id = o.region_id
        WHERE o.type = 'market' AND o.name = $1 AND r.code = $2`,
      [market.name, market.regionCode],
    );
    const [row] = existing
      ? [existing]
      : await manager.query(
          `INSERT INTO organisations (name, bin, type, region_id, address)
           SELECT $1, $2, 'market', id, $4 FROM regions WHERE code = $3
           ON CONFLICT (bin) DO NOTHING RETURNING id, region_id AS "regionId"`,
          [market.name, withCheckDigit(market.binPrefix), market.regionCode, market.address],
        );
    if (row) rows.push({ id: row.id, regionId: row.regionId, regionCode: market.regionCode, level: market.level });
  }
  return rows;
}

/** Who recorded a region's prices: an inspector of the region, else a national admin. */
async function recorders(manager: EntityManager) {
  const users = (await manager.query(
    `SELECT id, email, role, region_id AS "regionId" FROM users WHERE active AND role IN ('inspector', 'admin')
      ORDER BY role DESC, created_at`,
  )) as { id: string; email: string; role: string; regionId: string | null }[];
  const fallback = users.find((user) => user.role === 'admin' && user.regionId === null) ?? users[0];
  return {
    recorder: (regionId: string) =>
      (users.find((user) => user.role === 'inspector' && user.regionId === regionId) ?? fallback).id,
    people: new Map(users.map((user) => [user.id, user])),
  };
}

/** Sugar in Almaty has an agreed ceiling for the last two months: an admin-set baseline. */
async function adminBaseline(manager: EntityManager, today: string): Promise<void> {
  await manager.query(
    `INSERT INTO price_baselines (product_id, region_id, price, valid_from, note, set_by_id)
     SELECT p.id, r.id, 520, $1::date - 60, $2, u.id
       FROM products p, regions r,
            (SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1) u
      WHERE p.code = 'sugar' AND r.code = 'KZ-75'`,
    [today, 'Әкімдікпен келісілген шекті бөлшек баға / Согласованная с акиматом предельная розничная цена'],
  );
}

function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);
}
