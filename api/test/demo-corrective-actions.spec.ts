import { CorrectiveActionSlaJobs } from '../src/corrective-actions/jobs/corrective-action-sla.job.js';
import { seedDemoCorrectiveActions } from '../src/seed/demo-corrective-actions.js';
import { findingInAlmaty } from './corrective-action-fixtures.js';
import { bearer, startTestApp, type TestApp, waitFor } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * The demo corrective actions: every state the follow-up list shows, consistent with the clock as the
 * API reads it, flagged as their timers would have been (so a start sends no old warnings), and each
 * with a timeline.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('cover every state, agree with the live clock, and wake no timer', async () => {
  const findings = [];
  for (let index = 0; index < 9; index++) findings.push((await findingInAlmaty(t.dataSource)).findingId);
  const seeded = await t.dataSource.transaction((manager) =>
    seedDemoCorrectiveActions(manager, { now: testNow(), findingIds: findings }),
  );
  expect(seeded.ids).toHaveLength(9);
  expect(seeded.byState).toEqual({
    'open/on_track': 3,
    'open/at_risk': 1,
    'open/breached': 1,
    'reported_done/met': 1,
    'verified/met': 1,
    'verified/missed': 1,
    'cancelled/on_track': 1,
  });

  const list = await t.http
    .get(`/api/corrective-actions?filter=${encodeURIComponent(JSON.stringify({ id: seeded.ids }))}&range=[0,20]`)
    .set(bearer(t.tokens.manager));
  expect(list.status).toBe(200);
  const live = list.body.map((action: { status: string; slaState: string }) => `${action.status}/${action.slaState}`);
  expect(live.sort()).toEqual(
    Object.entries(seeded.byState)
      .flatMap(([state, count]) => Array.from({ length: count }, () => state))
      .sort(),
  );

  await waitFor(async () => (await t.app.get(CorrectiveActionSlaJobs).reconcile()) !== null, 30_000);
  const [{ notified }] = await t.dataSource.query(
    `SELECT count(*)::int AS notified FROM notifications WHERE entity_id = ANY($1)`,
    [seeded.ids],
  );
  expect(notified).toBe(0);

  const verified = list.body.find((action: { status: string; slaState: string }) => action.status === 'verified');
  const timeline = await t.http.get(`/api/corrective-actions/${verified.id}/timeline`).set(bearer(t.tokens.auditor));
  expect(timeline.body.map((event: { action: string }) => event.action)).toEqual(
    expect.arrayContaining(['create', 'report-done', 'verify']),
  );
});
