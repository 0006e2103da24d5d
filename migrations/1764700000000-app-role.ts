import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API runs as; its login (or a login that is a member of it) is set up at start. */
const APP_ROLE = 'adaldesk_app';

/** What the API may write into the audit trail: everything but `id` and `recorded_at`. */
const AUDIT_INSERT_COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_email',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'region_id',
  'before',
  'after',
  'request_id',
  'ip',
];

/**
 * The API's own database role, apart from the owner that runs these migrations: it owns nothing, may
 * read and write the ordinary tables, and may only append to the audit trail. Owning nothing, it
 * cannot disable or drop the audit trail's triggers; not a superuser, it cannot switch them off with
 * `session_replication_role`. Each event also gets `recorded_at`, the database's own time of the
 * insert, which the API cannot set: an event back-dated through `occurred_at` (the application's
 * clock) still shows when it was really written.
 */
export class AppRole1764700000000 implements MigrationInterface {
  name = 'AppRole1764700000000';

  async up(db: QueryRunner): Promise<void> {
    // Roles belong to the whole server: another database on it may have made this one already.
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END $$`);
    // Nobody but the owner creates objects in the schema the tables live in.
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);

    await db.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await db.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}`);
    // The migrations' own ledger is the owner's.
    await db.query(`REVOKE ALL ON TABLE migrations FROM ${APP_ROLE}`);
    // The statistics' rollups are rebuilt from scratch (TRUNCATE) when the facts are refolded.
    await db.query(`GRANT TRUNCATE ON appeal_stats_facts, appeal_stats_rollup TO ${APP_ROLE}`);

    await db.query(`ALTER TABLE audit_events ADD COLUMN recorded_at timestamptz`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN recorded_at SET DEFAULT now()`);
    // Events written before this migration keep no recorded time; every later one must have one.
    await db.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_recorded_at_set CHECK (recorded_at IS NOT NULL) NOT VALID`,
    );
    await db.query(`REVOKE ALL ON TABLE audit_events FROM ${APP_ROLE}`);
    await db.query(`GRANT SELECT ON TABLE audit_events TO ${APP_ROLE}`);
    await db.query(`GRANT INSERT (${AUDIT_INSERT_COLUMNS.join(', ')}) ON TABLE audit_events TO ${APP_ROLE}`);
    // nextval for the default id, but no setval: the ids' order is the order of writing.
    await db.query(`REVOKE ALL ON SEQUENCE audit_events_id_seq FROM ${APP_ROLE}`);
    await db.query(`GRANT USAGE ON SEQUENCE audit_events_id_seq TO ${APP_ROLE}`);

    // BullMQ's PostgreSQL backend: its tables and functions, and a sequence of job ids per queue that
    // it creates the first time a queue adds a job without an id of its own.
    await db.query(`GRANT USAGE, CREATE ON SCHEMA bullmq TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA bullmq TO ${APP_ROLE}`);
    await db.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA bullmq TO ${APP_ROLE}`);
    await db.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bullmq TO ${APP_ROLE}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${APP_ROLE}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq GRANT EXECUTE ON FUNCTIONS TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq REVOKE ALL ON FUNCTIONS FROM ${APP_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA bullmq REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA bullmq FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA bullmq FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA bullmq FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON SCHEMA bullmq FROM ${APP_ROLE}`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_recorded_at_set`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN recorded_at`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await db.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself stays: other databases on the server may still grant it their tables.
  }
}
