import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createPostgresBackend, type Job, type JobsOptions, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { withTimeout } from '../with-timeout.js';
import { type Clock, SystemClock } from '../clock/clock.js';

export const QUEUE_NAME = 'adaldesk';
/** BullMQ's tables live in this schema (created by migration 1763900000000). */
export const QUEUE_SCHEMA = 'bullmq';

export type QueueBackend = 'redis' | 'postgres';

/**
 * How long a caller waits on the queue before giving up. The queue is a reminder and the database the
 * truth: with the queue down, a request or the reconciler goes on without it rather than hang
 * (ioredis holds commands while it reconnects, for ever).
 */
const QUEUE_CALL_TIMEOUT_MS = 5_000;
/** How long /api/health waits for the queue: its whole answer must come within a second. */
const PING_TIMEOUT_MS = 800;

/** What this service uses of a BullMQ queue, whichever backend it runs on. */
interface QueueClient {
  add(name: string, data: unknown, options: JobsOptions): Promise<unknown>;
  remove(jobId: string): Promise<unknown>;
  getJob(jobId: string): Promise<{ getState(): Promise<string> } | undefined>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  drain(delayed?: boolean): Promise<void>;
  close(): Promise<void>;
}
export type JobHandler = (data: Record<string, unknown>, job: { id: string; name: string }) => Promise<void>;

export interface QueueOptions {
  /** Redis when set; otherwise BullMQ's PostgreSQL backend on `databaseUrl`. */
  redisUrl: string | null;
  databaseUrl: string;
  /** Keeps test runs apart on a shared Redis. */
  redisPrefix?: string;
  /** Keeps test apps apart on a shared database (BullMQ's PostgreSQL backend has no prefix). */
  queueName?: string;
  /** Parallel jobs per API instance. */
  concurrency?: number;
  /** What `schedule`'s instants are measured against; the machine's time by default. */
  clock?: Clock;
}

/**
 * The only door to the job queue: domains `add`, `schedule` and `cancel` jobs by name and register one
 * handler per job name; they never see a Redis or PostgreSQL client. Jobs are reminders: handlers
 * re-read the database, so a job that runs late does no harm; and a job delivered again after it ran
 * to the end (the queue delivers at least once) finds its run in `queue_job_runs` and does nothing.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  readonly backend: QueueBackend;
  private readonly logger = new Logger('Queue');
  private readonly queue: QueueClient;
  private readonly handlers = new Map<string, JobHandler>();
  private worker: { close(): Promise<void> } | null = null;
  /** BullMQ leaves connections it was handed open; they are closed here on shutdown. */
  private readonly redisConnections: Redis[] = [];
  private readonly clock: Clock;
  /** The ledger of jobs run to the end (`queue_job_runs`), on a small pool of its own. */
  private ledger: pg.Pool | null = null;
  private runsSinceSweep = 0;

  constructor(private readonly options: QueueOptions) {
    this.clock = options.clock ?? new SystemClock();
    this.backend = options.redisUrl ? 'redis' : 'postgres';
    this.queue = options.redisUrl
      ? new Queue(this.queueName, { connection: this.redisConnection(), prefix: options.redisPrefix })
      : new Queue(this.queueName, this.postgresOptions(), createPostgresBackend);
  }

  /** Runs `name` as soon as a worker is free. */
  async add(name: string, data: Record<string, unknown>): Promise<void> {
    await this.bounded(this.queue.add(name, data, JOB_DEFAULTS), `Queueing ${name}`);
  }

  /**
   * Runs `name` at `runAt` (at once if past). `jobId` makes it idempotent: scheduling the same id
   * again while it is pending changes nothing — cancel it first to move it.
   */
  async schedule(jobId: string, name: string, data: Record<string, unknown>, runAt: Date): Promise<void> {
    await this.bounded(
      this.queue.add(name, data, {
        ...JOB_DEFAULTS,
        jobId,
        delay: Math.max(0, runAt.getTime() - this.clock.now().getTime()),
      }),
      `Scheduling ${jobId}`,
    );
  }

  /** Removes a pending job; nothing happens if it already ran or never existed. */
  async cancel(jobId: string): Promise<void> {
    await this.bounded(this.queue.remove(jobId), `Cancelling ${jobId}`);
  }

  /** Whether a job with this id is still waiting to run. */
  async isPending(jobId: string): Promise<boolean> {
    const job = await this.bounded(this.queue.getJob(jobId), `Reading ${jobId}`);
    if (!job) return false;
    const state = await this.bounded(job.getState(), `Reading ${jobId}`);
    return state === 'delayed' || state === 'waiting' || state === 'prioritized';
  }

  /** Throws away every waiting and delayed job, as a lost Redis would; for tests and the benchmark. */
  async drain(): Promise<void> {
    await this.queue.drain(true);
  }

  /** Registers the handler of a job name and starts this instance's worker. */
  handle(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
    this.worker ??= this.startWorker();
  }

  /** Throws when the backend does not answer within a moment (for /api/health). */
  async ping(): Promise<void> {
    // A Redis connection that is not up answers nothing until it is: say so at once rather than wait.
    const down = this.redisConnections.find(
      (connection) => !['ready', 'connecting', 'connect'].includes(connection.status),
    );
    if (down) throw new Error(`Redis is unreachable (connection ${down.status})`);
    await withTimeout(this.queue.getJobCounts('delayed'), PING_TIMEOUT_MS, 'The queue');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await this.ledger?.end();
    await Promise.all(
      // QUIT waits for a connection to come back; one that is down is simply dropped.
      this.redisConnections.map((connection) =>
        connection.status === 'ready'
          ? connection.quit().catch(() => connection.disconnect())
          : connection.disconnect(),
      ),
    );
  }

  /**
   * What the worker does with each job it is handed: runs its handler unless this very run already
   * went to the end, then records that it did. Public so that a redelivery can be tested.
   */
  async deliver(job: Pick<Job, 'id' | 'name' | 'data' | 'timestamp'>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    const key = this.runKey(job);
    // Delivered again after a run that finished (the queue could not record it as done): not a new job.
    if (await this.hasRun(key)) return;
    await handler(job.data as Record<string, unknown>, { id: String(job.id), name: job.name });
    await this.recordRun(key);
  }

  private startWorker(): { close(): Promise<void> } {
    const processor = (job: Job) => this.deliver(job);
    const options = { concurrency: this.options.concurrency ?? 8 };
    const onFailed = (job: Job | undefined, error: Error) =>
      this.logger.error(`Job ${job?.name} ${job?.id} failed: ${error.message}`);
    const onError = (error: Error) => this.logger.error(`Queue worker: ${error.message}`);
    if (this.options.redisUrl) {
      const worker = new Worker(this.queueName, processor, {
        ...options,
        connection: this.redisConnection(),
        prefix: this.options.redisPrefix,
      });
      worker.on('failed', onFailed).on('error', onError);
      return worker;
    }
    const worker = new Worker(
      this.queueName,
      processor,
      { ...options, ...this.postgresOptions() },
      createPostgresBackend,
    );
    worker.on('failed', onFailed).on('error', onError);
    return worker;
  }

  /** One run of one job: the same id queued again later (a timer moved) is another run. */
  private runKey(job: Pick<Job, 'id' | 'timestamp'>): string {
    return [this.backend, this.options.redisPrefix ?? '', this.queueName, String(job.id), String(job.timestamp)].join(
      ':',
    );
  }

  private async hasRun(key: string): Promise<boolean> {
    const { rowCount } = await this.ledgerPool().query(`SELECT 1 FROM queue_job_runs WHERE job_key = $1`, [key]);
    return (rowCount ?? 0) > 0;
  }

  private async recordRun(key: string): Promise<void> {
    const now = this.clock.now();
    const pool = this.ledgerPool();
    await pool.query(`INSERT INTO queue_job_runs (job_key, ran_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, now]);
    // A repeat comes within the job's retries (seconds): a day's ledger is more than enough.
    if (++this.runsSinceSweep >= LEDGER_SWEEP_EVERY) {
      this.runsSinceSweep = 0;
      await pool.query(`DELETE FROM queue_job_runs WHERE ran_at < $1`, [new Date(now.getTime() - LEDGER_KEEP_MS)]);
    }
  }

  private ledgerPool(): pg.Pool {
    if (!this.ledger) {
      this.ledger = new pg.Pool({ connectionString: this.options.databaseUrl, max: 2 });
      // An idle connection the server drops must not take the process down; the next query reconnects.
      this.ledger.on('error', (error) => this.logger.warn(`Queue ledger connection: ${error.message}`));
    }
    return this.ledger;
  }

  private bounded<T>(work: Promise<T>, what: string): Promise<T> {
    return withTimeout(work, QUEUE_CALL_TIMEOUT_MS, `${what} on the ${this.backend} queue`);
  }

  private get queueName(): string {
    return this.options.queueName ?? QUEUE_NAME;
  }

  private redisConnection(): Redis {
    // BullMQ requires maxRetriesPerRequest null for its blocking commands.
    const connection = new Redis(this.options.redisUrl!, { maxRetriesPerRequest: null });
    this.redisConnections.push(connection);
    return connection;
  }

  private postgresOptions() {
    // The schema is created by our migrations; BullMQ must not change it on its own.
    return { connection: { connectionString: this.options.databaseUrl, schema: QUEUE_SCHEMA, max: 5 } };
  }
}

/** How long a finished job's run stays in the ledger, and how many runs pass between two sweeps. */
const LEDGER_KEEP_MS = 24 * 3600 * 1000;
const LEDGER_SWEEP_EVERY = 1_000;

const JOB_DEFAULTS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
