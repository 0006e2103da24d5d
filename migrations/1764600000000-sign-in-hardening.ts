import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions and sign-in limits that hold under concurrency.
 *
 * `users.session_version` is written into every access token; the guard refuses a token whose version
 * is not the user's current one. A trigger moves it on whatever path changes a password or the
 * `active` flag (the API, the CLI, an administrator's SQL), and a sign-out moves it explicitly. The
 * users-changed notice now also fires on that column, so every API instance forgets the user at once.
 *
 * `login_failures` records each failed attempt with its account and address (rather than one row per
 * counter key), so the limits per account, per account-and-address pair and per address count the
 * same rows, and a successful sign-in clears exactly that pair's failures. Its rows live minutes:
 * they are dropped rather than converted.
 */
export class SignInHardening1764600000000 implements MigrationInterface {
  name = 'SignInHardening1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 1`);
    await db.query(`
      CREATE FUNCTION users_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.session_version := OLD.session_version + 1;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_revoke_sessions BEFORE UPDATE ON users FOR EACH ROW
        WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.active IS DISTINCT FROM NEW.active)
        EXECUTE FUNCTION users_revoke_sessions()`);
    await db.query(`DROP TRIGGER users_notify_changed ON users`);
    await db.query(`
      CREATE TRIGGER users_notify_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.email IS DISTINCT FROM NEW.email
          OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.id IS DISTINCT FROM NEW.id
          OR OLD.session_version IS DISTINCT FROM NEW.session_version)
        EXECUTE FUNCTION users_notify_changed()`);

    await db.query(`DROP TABLE login_failures`);
    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        account text NOT NULL,
        address text,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_account_time_idx ON login_failures (account, failed_at)`);
    await db.query(`CREATE INDEX login_failures_address_time_idx ON login_failures (address, failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failures`);
    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_key_time_idx ON login_failures (key, failed_at)`);
    await db.query(`DROP TRIGGER users_notify_changed ON users`);
    await db.query(`
      CREATE TRIGGER users_notify_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.email IS DISTINCT FROM NEW.email
          OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION users_notify_changed()`);
    await db.query(`DROP TRIGGER users_revoke_sessions ON users`);
    await db.query(`DROP FUNCTION users_revoke_sessions()`);
    await db.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
