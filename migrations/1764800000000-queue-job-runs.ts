import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue delivers a job at least once: a worker that ran a job and then failed to record it as
 * done (a deadlock inside BullMQ's PostgreSQL backend, a stalled worker) runs it again. Each job run
 * to the end is written here, keyed by the queue, the job's id and the instant it was queued, so that
 * the repeat finds it and does nothing: a timer fires once. Rows older than a day are swept.
 */
export class QueueJobRuns1764800000000 implements MigrationInterface {
  name = 'QueueJobRuns1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE queue_job_runs (
        job_key text PRIMARY KEY,
        ran_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX queue_job_runs_ran_at_idx ON queue_job_runs (ran_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE queue_job_runs`);
  }
}
