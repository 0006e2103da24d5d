import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, reference data, the append-only audit trail and login throttling. */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('oblast', 'city')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        bin text UNIQUE CHECK (bin ~ '^[0-9]{12}$'),
        type text NOT NULL,
        region_id uuid REFERENCES regions (id) ON DELETE RESTRICT,
        address text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX organisations_region_idx ON organisations (region_id)`);
    await db.query(`CREATE INDEX organisations_name_idx ON organisations (lower(name) text_pattern_ops)`);

    await db.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        goal_amount integer NOT NULL CHECK (goal_amount > 0),
        goal_unit text NOT NULL CHECK (goal_unit IN ('working_days', 'working_hours')),
        warning_percent integer NOT NULL CHECK (warning_percent BETWEEN 1 AND 99),
        max_extension_days integer NOT NULL CHECK (max_extension_days >= 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        sla_policy_id uuid NOT NULL REFERENCES sla_policies (id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE calendar_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_day')),
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer', 'inspector', 'manager', 'auditor', 'admin')),
        region_id uuid REFERENCES regions (id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        last_login_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`CREATE INDEX users_region_idx ON users (region_id)`);

    await db.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email text,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        region_id uuid,
        before jsonb,
        after jsonb,
        request_id text,
        ip text
      )`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at)`);
    await db.query(`CREATE INDEX audit_events_region_time_idx ON audit_events (region_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_key_time_idx ON login_failures (key, failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failures`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only()`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE calendar_days`);
    await db.query(`DROP TABLE categories`);
    await db.query(`DROP TABLE sla_policies`);
    await db.query(`DROP TABLE organisations`);
    await db.query(`DROP TABLE regions`);
  }
}
