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
      databaseUrl: '',
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
