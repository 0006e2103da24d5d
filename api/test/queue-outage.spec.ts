import { AppealSlaJobs } from '../src/appeals/jobs/appeal-sla.job.js';
import { PrivateRedis } from './private-redis.js';
import { almatyStaff, bearer, startTestApp, type TestApp, unique, waitFor } from './test-app.js';

/**
 * With Redis down: /api/health answers 503 within a second naming the queue, and the SLA reconciler
 * still flags what is overdue from the database instead of waiting on the queue while holding its lock.
 * Redis here is the test's own server, stopped and started again; the machine's shared one is untouched.
 */
let redis: PrivateRedis;
let t: TestApp;
let almatyId: string;
let officerId: string;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  t = await startTestApp({ redisUrl: redis.url });
  ({ almatyId, officerId } = await almatyStaff(t));
});
afterAll(async () => {
  // Back up first, and reconnected, so the application's queue connections close cleanly.
  await redis.start();
  await waitFor(async () => (await health()).status === 200, 20_000);
  await t.close();
  await redis.stop();
});

/** A new appeal whose warning and deadline are moved to `warnInSeconds` and `dueInSeconds` from now. */
async function appealDue(warnInSeconds: number, dueInSeconds: number): Promise<string> {
  const response = await t.http
    .post('/api/appeals')
    .set(bearer(t.tokens.manager))
    .send({
      channel: 'call_center_109',
      kind: 'complaint',
      receivedAt: t.clock.now().toISOString(),
      regionId: almatyId,
      description: `Мектеп жөндеуі аяқталмады ${unique()}`,
      applicantName: 'Айгүл Серікова',
      assigneeId: officerId,
    });
  expect(response.status).toBe(201);
  // Past moments are past on both the application's clock and the database's, whichever the code reads;
  // future ones are counted on the application's clock, which the reconciler's horizon follows.
  const now = new Date(
    warnInSeconds < 0 && dueInSeconds < 0 ? Math.min(t.clock.now().getTime(), Date.now()) : t.clock.now().getTime(),
  );
  await t.dataSource.query(`UPDATE appeals SET warning_at = $2, due_at = $3 WHERE id = $1`, [
    response.body.id,
    new Date(now.getTime() + warnInSeconds * 1000),
    new Date(now.getTime() + dueInSeconds * 1000),
  ]);
  return response.body.id as string;
}

const health = () => t.http.get('/api/health').timeout(10_000);

test('health answers 503 within a second naming the queue while Redis is down, and 200 once it is back', async () => {
  expect((await health()).status).toBe(200);
  await redis.stop();
  try {
    for (let probe = 0; probe < 3; probe += 1) {
      const started = Date.now();
      const response = await health();
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        status: 'down',
        checks: { database: { status: 'up' }, queue: { status: 'down', backend: 'redis' } },
      });
    }
  } finally {
    await redis.start();
  }
  await waitFor(async () => (await health()).status === 200, 15_000);
});

test('while Redis is down the reconciler flags overdue appeals from the database and lets go of its lock', async () => {
  const jobs = t.app.get(AppealSlaJobs);
  // One appeal comes due within the reconciler's horizon (it wants a timer queued), one is already overdue.
  await appealDue(60, 120);
  const overdueId = await appealDue(-120, -60);
  await redis.stop();
  try {
    const report = await Promise.race([
      jobs.reconcile(),
      new Promise<'hung'>((done) => setTimeout(() => done('hung'), 20_000).unref()),
    ]);
    expect(report).not.toBe('hung');
    // It tried to queue the coming appeal's timers and gave up on the queue, rather than wait on it.
    expect(report).toMatchObject({ scheduled: 0 });
    const [{ breached_at: breachedAt, sla_state: state }] = await t.dataSource.query(
      `SELECT breached_at, sla_state FROM appeals WHERE id = $1`,
      [overdueId],
    );
    expect(breachedAt).not.toBeNull();
    expect(state).toBe('breached');

    // The lock was let go: an appeal that falls overdue later in the outage is flagged by the next run.
    const laterId = await appealDue(-60, -30);
    await waitFor(async () => {
      await jobs.reconcile();
      const [row] = await t.dataSource.query(`SELECT breached_at FROM appeals WHERE id = $1`, [laterId]);
      return row.breached_at !== null;
    }, 30_000);
  } finally {
    await redis.start();
  }
});
