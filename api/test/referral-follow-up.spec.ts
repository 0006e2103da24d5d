import { QueueService } from '../src/core/queue/queue.service.js';
import { followUpTimerId, ReferralFollowUpJobs } from '../src/referrals/jobs/referral-follow-up.job.js';
import { almatyStaff, bearer, QUEUE_BACKENDS, startTestApp, type TestApp, unique, waitFor } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * Follow-up of referrals on both BullMQ backends: a referral with no outcome for the period reminds
 * its owner and the region's managers once, a queue that lost its timers loses no reminder (the
 * reconciler finds them in the database), and a referral whose funnel has ended is never chased.
 */
describe.each(QUEUE_BACKENDS)('referral follow-up on %s', (backend, options) => {
  let t: TestApp;
  let jobs: ReferralFollowUpJobs;
  let queue: QueueService;
  let officerId: string;
  let managerIds: string[];
  let almatyId: string;

  beforeAll(async () => {
    t = await startTestApp(options);
    jobs = t.app.get(ReferralFollowUpJobs);
    queue = t.app.get(QueueService);
    expect(queue.backend).toBe(backend);
    ({ almatyId, officerId, managerIds } = await almatyStaff(t));
  });
  afterAll(() => t.close());

  /** A referral of the demo officer's whose follow-up falls due in `inMs`. */
  async function referralDueIn(inMs: number): Promise<{ id: string; version: number; followUpDueAt: Date }> {
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(t.tokens.officer))
      .send({ agency: 'police', regionId: almatyId, summary: `Базардағы алаяқтық ${unique()}` });
    expect(response.status).toBe(201);
    // The period is 30 days by default: a month after creation.
    const due = new Date(response.body.followUpDueAt).getTime() - new Date(response.body.lastOutcomeAt).getTime();
    expect(due).toBe(30 * 86_400_000);
    const [[row]] = await t.dataSource.query(
      `UPDATE referrals SET follow_up_due_at = ${sqlNow()} + make_interval(secs => $2) WHERE id = $1
       RETURNING follow_up_due_at AS "followUpDueAt"`,
      [response.body.id, inMs / 1000],
    );
    return { id: response.body.id, version: response.body.version, followUpDueAt: row.followUpDueAt };
  }

  async function reminders(referralId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await t.dataSource.query(
      `SELECT user_id FROM notifications WHERE entity_id = $1 AND kind = 'referral_follow_up' ORDER BY user_id`,
      [referralId],
    );
    return rows.map((row) => (row.user_id === officerId ? 'owner' : 'manager')).sort();
  }
  const expected = () => [...managerIds.map(() => 'manager'), 'owner'].sort();

  async function remindersAudited(referralId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events
        WHERE entity_type = 'referrals' AND entity_id = $1 AND action = 'follow_up_reminder'`,
      [referralId],
    );
    return count;
  }

  it('reminds the owner and the managers once, and waits another period', async () => {
    const referral = await referralDueIn(1_000);
    await jobs.sync(referral);
    expect(await queue.isPending(followUpTimerId(referral.id, referral.followUpDueAt))).toBe(true);
    await waitFor(async () => (await reminders(referral.id)).length === expected().length, 30_000);
    expect(await reminders(referral.id)).toEqual(expected());
    expect(await remindersAudited(referral.id)).toBe(1);
    const [row] = await t.dataSource.query(
      `SELECT reminded_at IS NOT NULL AS reminded, follow_up_due_at > ${sqlNow()} + interval '29 days' AS "nextInAPeriod"
         FROM referrals WHERE id = $1`,
      [referral.id],
    );
    expect(row).toEqual({ reminded: true, nextInAPeriod: true });
    // A timer or a reconciler that runs again finds nothing due.
    expect(await jobs.remind(referral.id)).toBe(false);
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await reminders(referral.id)).toEqual(expected());
    expect(await remindersAudited(referral.id)).toBe(1);
  });

  it('loses no reminder when the queue is emptied while the timer is pending', async () => {
    const referral = await referralDueIn(1_000);
    await jobs.sync(referral);
    const timer = followUpTimerId(referral.id, referral.followUpDueAt);
    expect(await queue.isPending(timer)).toBe(true);
    await queue.drain();
    expect(await queue.isPending(timer)).toBe(false);
    await sleep(2_000);

    // The next start (or periodic run) of the reconciler finds the due follow-up in the database.
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    await waitFor(async () => (await reminders(referral.id)).length === expected().length, 10_000);
    expect(await reminders(referral.id)).toEqual(expected());
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await remindersAudited(referral.id)).toBe(1);
  });

  it('restarts the period on every outcome, and stops chasing once the funnel has ended', async () => {
    const referral = await referralDueIn(60_000);
    const reviewed = await t.http
      .post(`/api/referrals/${referral.id}/actions/start-review`)
      .set(bearer(t.tokens.officer))
      .send({ version: referral.version });
    expect(reviewed.status).toBe(200);
    expect(new Date(reviewed.body.followUpDueAt).getTime()).toBeGreaterThan(testNow().getTime() + 29 * 86_400_000);
    // Due again in a second, then refused before it fires: no reminder follows.
    await t.dataSource.query(
      `UPDATE referrals SET follow_up_due_at = ${sqlNow()} + interval '1 second' WHERE id = $1`,
      [referral.id],
    );
    const refused = await t.http
      .post(`/api/referrals/${referral.id}/actions/refuse`)
      .set(bearer(t.tokens.officer))
      .send({ version: reviewed.body.version, refusalReason: 'Қылмыс құрамы анықталмады' });
    expect(refused.status).toBe(200);
    expect(refused.body.followUpDueAt).toBeNull();
    await sleep(2_000);
    expect(await jobs.remind(referral.id)).toBe(false);
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await reminders(referral.id)).toEqual([]);
  });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
