import { AppealSlaJobs, timerId } from '../src/appeals/jobs/appeal-sla.job.js';
import { Appeal } from '../src/appeals/appeal.entity.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { almatyStaff, bearer, QUEUE_BACKENDS, startTestApp, type TestApp, unique, waitFor } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * The SLA timers of appeals on both BullMQ backends: warnings and breaches fire on time and once,
 * a queue that lost its jobs loses no warning and no breach (the reconciler flags them from the
 * database), and a deadline that moved is not breached by its old timer.
 */
describe.each(QUEUE_BACKENDS)('SLA timers on %s', (backend, options) => {
  let t: TestApp;
  let jobs: AppealSlaJobs;
  let queue: QueueService;
  let officerId: string;
  let managerIds: string[];
  let almatyId: string;

  beforeAll(async () => {
    t = await startTestApp(options);
    jobs = t.app.get(AppealSlaJobs);
    queue = t.app.get(QueueService);
    expect(queue.backend).toBe(backend);
    ({ almatyId, officerId, managerIds } = await almatyStaff(t));
  });
  afterAll(() => t.close());

  /** An appeal assigned to the demo officer whose warning and deadline fall in a few seconds. */
  async function appealDueSoon(warnInMs: number, dueInMs: number): Promise<Appeal> {
    const response = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.manager))
      .send({
        channel: 'call_center_109',
        kind: 'complaint',
        receivedAt: testNow().toISOString(),
        regionId: almatyId,
        description: `Базардағы баға негізсіз көтерілді ${unique()}`,
        applicantName: 'Сәуле Қасымова',
        assigneeId: officerId,
      });
    expect(response.status).toBe(201);
    // Legal deadlines are days away; the test moves this one to seconds from now.
    await t.dataSource.query(
      `UPDATE appeals SET warning_at = ${sqlNow()} + make_interval(secs => $2), due_at = ${sqlNow()} + make_interval(secs => $3)
       WHERE id = $1`,
      [response.body.id, warnInMs / 1000, dueInMs / 1000],
    );
    return t.dataSource.getRepository(Appeal).findOneByOrFail({ id: response.body.id });
  }

  async function slaNotifications(appealId: string): Promise<string[]> {
    const rows: { kind: string; user_id: string }[] = await t.dataSource.query(
      `SELECT kind, user_id FROM notifications WHERE entity_id = $1 AND kind IN ('sla_warning', 'sla_breach')
       ORDER BY kind, user_id`,
      [appealId],
    );
    return rows.map((row) => `${row.kind}:${row.user_id === officerId ? 'officer' : 'manager'}`);
  }

  const expected = () =>
    [...managerIds.map(() => 'sla_breach:manager'), 'sla_breach:officer', 'sla_warning:officer'].sort();

  async function auditActions(appealId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'appeals' AND entity_id = $1 AND action LIKE 'sla_%' ORDER BY id`,
      [appealId],
    );
    return rows.map((row) => row.action);
  }

  it('warns the assignee and flags the breach to the assignee and the managers, on time and once', async () => {
    const appeal = await appealDueSoon(1_000, 2_500);
    await jobs.sync(appeal);
    expect(await queue.isPending(timerId('breach', appeal.id, appeal.dueAt))).toBe(true);
    await waitFor(async () => (await slaNotifications(appeal.id)).length === expected().length, 30_000);
    expect((await slaNotifications(appeal.id)).sort()).toEqual(expected());
    expect(await auditActions(appeal.id)).toEqual(['sla_warning', 'sla_breach']);
    const [{ sla_state: state }] = await t.dataSource.query(`SELECT sla_state FROM appeals WHERE id = $1`, [appeal.id]);
    expect(state).toBe('breached');
    // A timer that runs again finds nothing to do.
    expect(await jobs.breach(appeal.id)).toBe(false);
    expect(await jobs.warn(appeal.id)).toBe(false);
    const live = await t.http.get(`/api/appeals/${appeal.id}`).set(bearer(t.tokens.officer));
    expect(live.body.slaState).toBe('breached');
  });

  it('loses no warning and no breach when the queue is emptied while timers are pending', async () => {
    const appeal = await appealDueSoon(1_000, 2_000);
    await jobs.sync(appeal);
    const warning = timerId('warning', appeal.id, appeal.warningAt);
    expect(await queue.isPending(warning)).toBe(true);
    // The queue forgets everything, as a Redis restarted without persistence would.
    await queue.drain();
    expect(await queue.isPending(warning)).toBe(false);
    expect(await queue.isPending(timerId('breach', appeal.id, appeal.dueAt))).toBe(false);
    await sleep(3_000);

    // The next start (or periodic run) of the reconciler finds both in the database.
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    await waitFor(async () => (await slaNotifications(appeal.id)).length === expected().length, 10_000);
    expect((await slaNotifications(appeal.id)).sort()).toEqual(expected());
    // Reconciling again sends nothing twice.
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect((await slaNotifications(appeal.id)).sort()).toEqual(expected());
    expect(await auditActions(appeal.id)).toEqual(['sla_warning', 'sla_breach']);
  });

  it('queues no timer for a deadline weeks away, and the reconciler queues it once it comes near', async () => {
    const appeal = await appealDueSoon(60_000, 120_000);
    await t.dataSource.query(
      `UPDATE appeals SET warning_at = ${sqlNow()} + interval '10 days', due_at = ${sqlNow()} + interval '14 days' WHERE id = $1`,
      [appeal.id],
    );
    const distant = await t.dataSource.getRepository(Appeal).findOneByOrFail({ id: appeal.id });
    await jobs.sync(distant);
    expect(await queue.isPending(timerId('warning', appeal.id, distant.warningAt))).toBe(false);
    expect(await queue.isPending(timerId('breach', appeal.id, distant.dueAt))).toBe(false);

    await t.dataSource.query(
      `UPDATE appeals SET warning_at = ${sqlNow()} + interval '30 seconds', due_at = ${sqlNow()} + interval '40 seconds'
       WHERE id = $1`,
      [appeal.id],
    );
    const near = await t.dataSource.getRepository(Appeal).findOneByOrFail({ id: appeal.id });
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await queue.isPending(timerId('warning', near.id, near.warningAt))).toBe(true);
    expect(await queue.isPending(timerId('breach', near.id, near.dueAt))).toBe(true);
    // Out of the way of the other tests: weeks away again, so its queued timers find nothing to do.
    await t.dataSource.query(
      `UPDATE appeals SET warning_at = ${sqlNow()} + interval '10 days', due_at = ${sqlNow()} + interval '14 days' WHERE id = $1`,
      [appeal.id],
    );
  });

  it('does not breach a paused appeal by the timer of its old deadline', async () => {
    const appeal = await appealDueSoon(60_000, 2_000);
    await jobs.sync(appeal);
    let current = await t.http
      .post(`/api/appeals/${appeal.id}/actions/triage`)
      .set(bearer(t.tokens.officer))
      .send({
        version: appeal.version,
        categoryId: (await t.dataSource.query(`SELECT id FROM categories WHERE code = 'market_prices'`))[0].id,
      });
    // Triage recomputed the legal deadline; put it back to seconds away, then pause.
    await t.dataSource.query(`UPDATE appeals SET due_at = $2 WHERE id = $1`, [appeal.id, appeal.dueAt]);
    current = await t.http
      .post(`/api/appeals/${appeal.id}/actions/start`)
      .set(bearer(t.tokens.officer))
      .send({ version: current.body.version });
    const paused = await t.http
      .post(`/api/appeals/${appeal.id}/actions/request-info`)
      .set(bearer(t.tokens.officer))
      .send({ version: current.body.version, reason: 'Базар әкімшілігінен баға тізімі сұралды' });
    expect(paused.status).toBe(200);
    expect(paused.body.slaState).toBe('paused');
    await sleep(4_000);
    expect(await jobs.breach(appeal.id)).toBe(false);
    expect(await slaNotifications(appeal.id)).toEqual([]);
  });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
