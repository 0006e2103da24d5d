import { seedDemoPrices } from '../src/seed/demo-prices.js';
import { startTestApp, type TestApp } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * The demo market prices, seeded inside a transaction rolled back at the end so that the test files
 * running beside this one never see them: a year of weekly prices at seven markets in three regions,
 * judged as the API judges them, with a few flagged spikes and each price in the audit trail.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds a year of weekly prices in three regions with a few flagged spikes', async () => {
  const runner = t.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const result = await seedDemoPrices(runner.manager, { now: testNow(), timeZone: 'Asia/Almaty' });
    expect(result.markets).toBe(7);
    expect(result.observations).toBe(7 * 20 * 52);
    const [figures] = await runner.query(
      `SELECT count(DISTINCT o.region_id)::int AS regions,
              count(DISTINCT observed_on)::int AS days,
              count(*) FILTER (WHERE flagged)::int AS flagged,
              count(*) FILTER (WHERE baseline_source = 'median')::int AS judged,
              count(*) FILTER (WHERE baseline_source = 'admin')::int AS "byAdmin",
              max(observed_on) < (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date AS "noneAhead",
              min(observed_on) >= (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date - 365 AS "withinAYear"
         FROM price_observations o JOIN organisations m ON m.id = o.market_id
        WHERE m.name IN ('Көк базар (Зелёный базар)', '«Шапағат» базары', '«Самал» базары', '«Алтын Орда» базары',
                         '«Тастақ» базары', '«Күйгенжар» базары', '«Береке» базары')`,
    );
    expect(figures).toMatchObject({ regions: 3, days: 52, noneAhead: true, withinAYear: true });
    expect(figures.flagged).toBe(result.flagged);
    // Every spike is caught; ordinary weeks are only now and then above the threshold.
    expect(result.flagged).toBeGreaterThanOrEqual(6);
    expect(result.flagged).toBeLessThan(result.observations * 0.02);
    expect(figures.judged).toBeGreaterThan(result.observations * 0.8);
    expect(figures.byAdmin).toBeGreaterThan(0);
    const [beef] = await runner.query(
      `SELECT o.price::text, o.rise_percent::text AS rise, o.flagged FROM price_observations o
         JOIN products p ON p.id = o.product_id JOIN organisations m ON m.id = o.market_id
        WHERE p.code = 'beef' AND m.name = 'Көк базар (Зелёный базар)'
        ORDER BY o.observed_on DESC OFFSET 1 LIMIT 1`,
    );
    // Beef at the Green Bazaar a week before the last: about 22 % above the usual, flagged.
    expect(beef.flagged).toBe(true);
    expect(Number(beef.price)).toBeGreaterThan(4500);
    const [{ events }] = await runner.query(
      `SELECT count(*)::int AS events FROM audit_events
        WHERE entity_type = 'price-observations' AND action = 'create' AND entity_id IN (SELECT id::text FROM price_observations)`,
    );
    expect(events).toBeGreaterThanOrEqual(result.observations);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}, 120_000);
