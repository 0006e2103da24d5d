import { randomUUID } from 'node:crypto';
import { QueueService } from '../src/core/queue/queue.service.js';
import { startTestApp, testAppDatabaseUrl, type TestApp } from './test-app.js';

/** The queue behind its small service, on both backends: Redis, and BullMQ's PostgreSQL backend. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(); // applies the migrations, BullMQ's schema included
});
afterAll(() => t.close());

const BACKENDS = [
  [
    'redis',
    () => ({
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      // The ledger of finished runs is in the database whichever backend carries the jobs.
      databaseUrl: testAppDatabaseUrl(),
      redisPrefix: `adaldesk-test-${randomUUID()}`,
    }),
  ],
  [
    'postgres',
    // As the app's role, whose grants on BullMQ's schema are what the app's queue runs on.
    () => ({ redisUrl: null, databaseUrl: testAppDatabaseUrl(), queueName: `queue-spec-${randomUUID()}` }),
  ],
] as const;

describe.each(BACKENDS)('on %s', (backend, options) => {
  let queue: QueueService;
  beforeAll(() => {
    queue = new QueueService(options());
  });
  afterAll(() => queue.onApplicationShutdown());

  test('reports its backend and answers a ping', async () => {
    expect(queue.backend).toBe(backend);
    await expect(queue.ping()).resolves.toBeUndefined();
  });

  test('a scheduled job runs at its time, once, even when scheduled twice', async () => {
    const runs: { data: Record<string, unknown>; at: number }[] = [];
    const name = `tick-${randomUUID()}`;
    queue.handle(name, async (data) => {
      runs.push({ data, at: Date.now() });
    });
    const jobId = `once-${randomUUID()}`;
    const runAt = new Date(Date.now() + 700);
    await queue.schedule(jobId, name, { n: 1 }, runAt);
    await queue.schedule(jobId, name, { n: 2 }, runAt);
    expect(await queue.isPending(jobId)).toBe(true);
    await waitFor(() => runs.length > 0);
    await new Promise((done) => setTimeout(done, 500));
    expect(runs).toHaveLength(1);
    expect(runs[0].data).toEqual({ n: 1 });
    expect(runs[0].at).toBeGreaterThanOrEqual(runAt.getTime() - 50);
    expect(await queue.isPending(jobId)).toBe(false);
  });

  test('a job delivered again after it ran to the end does not run again; one that failed does', async () => {
    const name = `ledger-${randomUUID()}`;
    const runs: string[] = [];
    let failNext = false;
    queue.handle(name, async (data) => {
      if (failNext) {
        failNext = false;
        throw new Error('the database said no');
      }
      runs.push(String(data.n));
    });
    const job = { id: `timer-${randomUUID()}`, name, data: { n: 1 }, timestamp: 1_000 };
    await queue.deliver(job);
    // BullMQ could not mark it done (a deadlock in its backend, a stalled worker) and hands it over again.
    await queue.deliver(job);
    expect(runs).toEqual(['1']);
    // The same id queued again later (a timer moved) is a new run.
    await queue.deliver({ ...job, data: { n: 2 }, timestamp: 2_000 });
    expect(runs).toEqual(['1', '2']);
    // A run that failed did not happen: its retry runs.
    failNext = true;
    const failing = { ...job, data: { n: 3 }, timestamp: 3_000 };
    await expect(queue.deliver(failing)).rejects.toThrow('the database said no');
    await queue.deliver(failing);
    expect(runs).toEqual(['1', '2', '3']);
  });

  test('a cancelled job never runs', async () => {
    const runs: string[] = [];
    const name = `cancelled-${randomUUID()}`;
    queue.handle(name, async (_data, job) => {
      runs.push(job.id);
    });
    const jobId = `cancel-${randomUUID()}`;
    await queue.schedule(jobId, name, {}, new Date(Date.now() + 600));
    await queue.cancel(jobId);
    expect(await queue.isPending(jobId)).toBe(false);
    await new Promise((done) => setTimeout(done, 1200));
    expect(runs).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 25));
  }
}
