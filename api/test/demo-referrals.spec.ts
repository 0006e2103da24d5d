import { seedDemoReferrals } from '../src/seed/demo-referrals.js';
import { startTestApp, type TestApp } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * The demo referrals, seeded inside a transaction rolled back at the end so that the test files
 * running beside this one never see them: shaped like the seed figures, and valid by every check.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('opens 192 criminal cases in twelve months and sends 126 of them to court, every step in order', async () => {
  const runner = t.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const now = testNow();
    const result = await seedDemoReferrals(runner.manager, { now });
    expect(result).toMatchObject({ caseOpened: 192, sentToCourt: 126 });
    const [figures] = await runner.query(
      `SELECT count(*)::int AS referred,
              count(*) FILTER (WHERE case_opened_on IS NOT NULL)::int AS "caseOpened",
              count(*) FILTER (WHERE sent_to_court_on IS NOT NULL)::int AS "sentToCourt",
              count(*) FILTER (WHERE status = 'refused')::int AS refused,
              count(*) FILTER (WHERE verdict = 'convicted')::int AS convicted,
              count(*) FILTER (WHERE appeal_id IS NOT NULL)::int AS "fromAppeals",
              min(referred_on) > (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date - 365 AS "withinAYear",
              max(greatest(referred_on, verdict_on, sent_to_court_on)) <= (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date AS "noneAhead",
              bool_and(damages_recovered IS NULL OR verdict IS NOT NULL) AS "damagesOnlyWithVerdicts",
              count(*) FILTER (WHERE status NOT IN ('refused', 'verdict') AND follow_up_due_at <= ${sqlNow()})::int AS "overdue"
         FROM referrals WHERE id = ANY($1)`,
      [result.ids],
    );
    expect(figures).toEqual({
      referred: 290,
      caseOpened: 192,
      sentToCourt: 126,
      refused: 58,
      convicted: 70,
      fromAppeals: expect.any(Number),
      withinAYear: true,
      noneAhead: true,
      damagesOnlyWithVerdicts: true,
      overdue: 0,
    });
    const [{ events }] = await runner.query(
      `SELECT count(*)::int AS events FROM audit_events WHERE entity_type = 'referrals' AND entity_id = ANY($1)`,
      [result.ids],
    );
    // One event for each step: 290 referred, 256 reviewed, 192 opened, 58 refused, 126 sent, 86 verdicts.
    expect(events).toBe(290 + 256 + 192 + 58 + 126 + 86);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
