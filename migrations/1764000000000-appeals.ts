import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const CHANNELS = [
  'front_office',
  'call_center_109',
  'portal',
  'social_media',
  'reception',
  'live_broadcast',
  'email',
  'letter',
];
const KINDS = ['complaint', 'request', 'proposal', 'report'];
const STATUSES = [
  'registered',
  'triaged',
  'in_progress',
  'awaiting_info',
  'resolved',
  'closed',
  'forwarded',
  'reopened',
];
const OUTCOMES = ['satisfied', 'explained', 'rejected', 'partially_satisfied'];
const SLA_STATES = ['on_track', 'at_risk', 'breached', 'paused', 'met', 'missed'];

/**
 * Appeals with their SLA clock, and in-app notifications.
 *
 * Search is trigram-based (pg_trgm), which works the same for Kazakh and Russian: PostgreSQL has no
 * Kazakh stemmer, and a substring of a word finds its inflected forms in both languages.
 */
export class Appeals1764000000000 implements MigrationInterface {
  name = 'Appeals1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE SEQUENCE appeal_number_seq`);
    await db.query(`
      CREATE TABLE appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN (${list(CHANNELS)})),
        kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
        received_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        registered_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        category_id uuid REFERENCES categories (id) ON DELETE RESTRICT,
        assignee_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        description text NOT NULL,
        anonymous boolean NOT NULL DEFAULT false,
        confidential boolean NOT NULL DEFAULT false,
        applicant_name text,
        applicant_iin text CHECK (applicant_iin ~ '^[0-9]{12}$'),
        applicant_bin text CHECK (applicant_bin ~ '^[0-9]{12}$'),
        applicant_phone text,
        applicant_email text,
        applicant_address text,
        status text NOT NULL DEFAULT 'registered' CHECK (status IN (${list(STATUSES)})),
        outcome text CHECK (outcome IN (${list(OUTCOMES)})),
        resolution_text text,
        forwarded_to_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        duplicate_of_id uuid REFERENCES appeals (id) ON DELETE RESTRICT,
        sla_policy_id uuid NOT NULL REFERENCES sla_policies (id) ON DELETE RESTRICT,
        sla_started_at timestamptz NOT NULL,
        sla_pauses jsonb NOT NULL DEFAULT '[]',
        paused_since timestamptz,
        extension_days integer NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
        extension_request jsonb,
        due_at timestamptz NOT NULL,
        warning_at timestamptz NOT NULL,
        decided_at timestamptz,
        sla_state text NOT NULL DEFAULT 'on_track' CHECK (sla_state IN (${list(SLA_STATES)})),
        warned_at timestamptz,
        breached_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appeals_anonymous_has_no_applicant CHECK (
          NOT anonymous OR (applicant_name IS NULL AND applicant_iin IS NULL AND applicant_bin IS NULL
            AND applicant_phone IS NULL AND applicant_email IS NULL AND applicant_address IS NULL)),
        CONSTRAINT appeals_decided_has_time CHECK (
          (status IN ('resolved', 'closed', 'forwarded')) = (decided_at IS NOT NULL)),
        CONSTRAINT appeals_resolved_has_outcome CHECK (
          status NOT IN ('resolved', 'closed') OR (outcome IS NOT NULL AND resolution_text IS NOT NULL))
      )`);
    // Lists: the caller's region first (permissions), newest first.
    await db.query(`CREATE INDEX appeals_region_received_idx ON appeals (region_id, received_at DESC, id)`);
    await db.query(`CREATE INDEX appeals_received_idx ON appeals (received_at DESC, id)`);
    await db.query(`CREATE INDEX appeals_status_received_idx ON appeals (status, received_at DESC)`);
    await db.query(`CREATE INDEX appeals_assignee_idx ON appeals (assignee_id, received_at DESC)`);
    await db.query(`CREATE INDEX appeals_category_idx ON appeals (category_id)`);
    await db.query(`CREATE INDEX appeals_organisation_idx ON appeals (organisation_id)`);
    await db.query(`CREATE INDEX appeals_due_idx ON appeals (due_at) WHERE decided_at IS NULL`);
    await db.query(
      `CREATE INDEX appeals_duplicate_of_idx ON appeals (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX appeals_applicant_iin_idx ON appeals (applicant_iin, organisation_id, received_at)
       WHERE applicant_iin IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX appeals_applicant_bin_idx ON appeals (applicant_bin, organisation_id, received_at)
       WHERE applicant_bin IS NOT NULL`,
    );
    await db.query(`CREATE INDEX appeals_number_trgm_idx ON appeals USING gin (number gin_trgm_ops)`);
    await db.query(`CREATE INDEX appeals_description_trgm_idx ON appeals USING gin (description gin_trgm_ops)`);
    await db.query(`CREATE INDEX appeals_applicant_name_trgm_idx ON appeals USING gin (applicant_name gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        read_at timestamptz,
        emailed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A timer that fires twice must not notify twice.
        CONSTRAINT notifications_once UNIQUE (user_id, dedupe_key)
      )`);
    await db.query(`CREATE INDEX notifications_user_time_idx ON notifications (user_id, created_at DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE appeals`);
    await db.query(`DROP SEQUENCE appeal_number_seq`);
  }
}
