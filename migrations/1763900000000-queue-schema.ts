import { runMigrations } from 'bullmq';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'bullmq';

/**
 * The tables of BullMQ's PostgreSQL backend, used for timers when no Redis is configured. BullMQ owns
 * their layout; this migration applies it so the schema still changes only through `migrations/`.
 * BullMQ takes its own lock and transaction on one session, hence `transaction = false`.
 */
export class QueueSchema1763900000000 implements MigrationInterface {
  name = 'QueueSchema1763900000000';
  transaction = false as const;

  async up(db: QueryRunner): Promise<void> {
    const client = (await db.connect()) as Parameters<typeof runMigrations>[0];
    await runMigrations(client, SCHEMA);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  }
}
