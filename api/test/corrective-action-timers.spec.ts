import { CorrectiveAction } from '../src/corrective-actions/corrective-action.entity.js';
import {
  CorrectiveActionSlaJobs,
  correctiveActionTimerId,
} from '../src/corrective-actions/jobs/corrective-action-sla.job.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { correctiveActionBody, findingInAlmaty } from './corrective-action-fixtures.js';
import { almatyStaff, bearer, QUEUE_BACKENDS, startTestApp, type TestApp, waitFor } from './test-app.js';
import { sqlNow } from './test-clock.js';

/**
 * The deadline timers of corrective actions on both BullMQ backends: warning and breach reach the
 * inspection's lead and the region's managers on time and once, an emptied queue loses neither (the
 * reconciler finds them in the database), and an action whose fix was reported is not breached.
 */
describe.each(QUEUE_BACKENDS)('corrective-action timers on %s', (backend, options) => {
  let t: TestApp;
  let jobs: CorrectiveActionSlaJobs;
  let queue: QueueService;
  let finding: Awaited<ReturnType<typeof findingInAlmaty>>;
  let managerIds: string[];

  beforeAll(async () => {
    t = await startTestApp(options);
    jobs = t.app.get(CorrectiveActionSlaJobs);
    queue = t.app.get(QueueService);
    expect(queue.backend).toBe(backend);
    finding = await findingInAlmaty(t.dataSource);
    ({ managerIds } = await almatyStaff(t));
  });
  afterAll(() => t.close());

  /** An action on the finding whose warning and deadline fall in a few seconds. */
  async function actionDueSoon(warnInMs: number, dueInMs: number): Promise<CorrectiveAction> {
    const response = await t.http
      .post('/api/corrective-actions')
      .set(bearer(t.tokens.inspector))
      .send(correctiveActionBody(finding.findingId, { termWorkingDays: 10 }));
    expect(response.status).toBe(201);
    // Real deadlines are days away; the test moves this one to seconds from now.
    await t.dataSource.query(
      `UPDATE corrective_actions SET warning_at = ${sqlNow()} + make_interval(secs => $2), due_at = ${sqlNow()} + make_interval(secs => $3)
       WHERE id = $1`,
      [response.body.id, warnInMs / 1000, dueInMs / 1000],
    );
    return t.dataSource.getRepository(CorrectiveAction).findOneByOrFail({ id: response.body.id });
  }

  async function notified(actionId: string): Promise<string[]> {
    const rows: { kind: string; user_id: string }[] = await t.dataSource.query(
      `SELECT kind, user_id FROM notifications WHERE entity_type = 'corrective-actions' AND entity_id = $1`,
      [actionId],
    );
    return rows.map((row) => `${row.kind}:${row.user_id === finding.leadId ? 'inspector' : 'manager'}`).sort();
  }
  const expected = () =>
    [
      'sla_breach:inspector',
      'sla_warning:inspector',
      ...managerIds.flatMap(() => ['sla_breach:manager', 'sla_warning:manager']),
    ].sort();

  async function audited(actionId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'corrective-actions' AND entity_id = $1
          AND action LIKE 'sla_%' ORDER BY id`,
      [actionId],
    );
    return rows.map((row) => row.action);
  }

  it('warns and flags the breach to the inspection lead and the managers, on time and once', async () => {
    const action = await actionDueSoon(1_000, 2_500);
    await jobs.sync(action);
    expect(await queue.isPending(correctiveActionTimerId('warning', action.id, action.warningAt))).toBe(true);
    expect(await queue.isPending(correctiveActionTimerId('breach', action.id, action.dueAt))).toBe(true);
    await waitFor(async () => (await notified(action.id)).length === expected().length, 30_000);
    expect(await notified(action.id)).toEqual(expected());
    expect(await audited(action.id)).toEqual(['sla_warning', 'sla_breach']);
    // A timer that runs again finds nothing to do.
    expect(await jobs.warn(action.id)).toBe(false);
    expect(await jobs.breach(action.id)).toBe(false);
    const live = await t.http.get(`/api/corrective-actions/${action.id}`).set(bearer(t.tokens.manager));
    expect(live.body.slaState).toBe('breached');
    const [{ state }] = await t.dataSource.query(`SELECT sla_state AS state FROM corrective_actions WHERE id = $1`, [
      action.id,
    ]);
    expect(state).toBe('breached');
  });

  it('loses no warning and no breach when the queue is emptied while timers are pending', async () => {
    const action = await actionDueSoon(1_000, 2_000);
    await jobs.sync(action);
    const warning = correctiveActionTimerId('warning', action.id, action.warningAt);
    expect(await queue.isPending(warning)).toBe(true);
    // The queue forgets everything, as a Redis restarted without persistence would.
    await queue.drain();
    expect(await queue.isPending(warning)).toBe(false);
    expect(await queue.isPending(correctiveActionTimerId('breach', action.id, action.dueAt))).toBe(false);
    await sleep(3_000);
    expect(await notified(action.id)).toEqual([]);

    // The next start (or periodic run) of the reconciler finds both in the database.
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    await waitFor(async () => (await notified(action.id)).length === expected().length, 10_000);
    expect(await notified(action.id)).toEqual(expected());
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await notified(action.id)).toEqual(expected());
    expect(await audited(action.id)).toEqual(['sla_warning', 'sla_breach']);
  });

  it('re-queues timers the queue lost before they were due, once they come within the horizon', async () => {
    const action = await actionDueSoon(20_000, 40_000);
    await jobs.sync(action);
    await queue.drain();
    const warning = correctiveActionTimerId('warning', action.id, action.warningAt);
    expect(await queue.isPending(warning)).toBe(false);
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await queue.isPending(warning)).toBe(true);
    expect(await queue.isPending(correctiveActionTimerId('breach', action.id, action.dueAt))).toBe(true);
    // Out of the way of the other tests: weeks away again, so its queued timers find nothing to do.
    await t.dataSource.query(
      `UPDATE corrective_actions SET warning_at = ${sqlNow()} + interval '10 days', due_at = ${sqlNow()} + interval '14 days'
       WHERE id = $1`,
      [action.id],
    );
  });

  it('does not breach an action whose fix was reported, whatever its old timers say', async () => {
    const action = await actionDueSoon(4_000, 4_000);
    await jobs.sync(action);
    const reported = await t.http
      .post(`/api/corrective-actions/${action.id}/actions/report-done`)
      .set(bearer(t.tokens.inspector))
      .send({ version: action.version, reportNote: 'Мектеп әкімшілігі жөндеу актісін ұсынды' });
    expect(reported.status).toBe(200);
    expect(reported.body.slaState).toBe('met');
    await sleep(5_500);
    expect(await jobs.breach(action.id)).toBe(false);
    await waitFor(async () => (await jobs.reconcile()) !== null, 30_000);
    expect(await notified(action.id)).toEqual([]);
  });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
