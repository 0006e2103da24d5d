import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const TYPES = ['school', 'market'];
const STATUSES = ['planned', 'in_progress', 'completed', 'closed', 'cancelled'];
const STARTED = ['in_progress', 'completed', 'closed'];
const ENDED = ['completed', 'closed'];
const FINDING_KINDS = [
  'capital_repair_funds_misuse',
  'repair_not_done',
  'procurement_violation',
  'school_meals_violation',
  'price_gouging',
  'sanitary',
  'other',
];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const STORAGES = ['local', 's3'];
const CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'];

/**
 * Inspections of schools and markets, their findings and the evidence files of each finding.
 *
 * The team is a uuid[] on the inspection rather than a child table: the permission rules need "the
 * caller leads it or is on its team" as a condition on the inspection row itself (turned into SQL as
 * `$me = ANY(team_ids)`), so lists and counts stay one indexed query. PostgreSQL has no foreign keys
 * on array elements, so a trigger refuses ids that are not users.
 *
 * The checklist (one answer per item of the type's template) and the officials responsible for a
 * finding are jsonb arrays: always read and written with their record, never listed on their own.
 *
 * Evidence files keep only metadata here; the bytes are on local disk or in an S3 bucket under
 * `storage_key`, chosen by the server (never the uploaded name).
 */
export class Inspections1764200000000 implements MigrationInterface {
  name = 'Inspections1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE inspection_number_seq`);
    await db.query(`CREATE SEQUENCE finding_number_seq`);
    await db.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN (${list(TYPES)})),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        lead_inspector_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        team_ids uuid[] NOT NULL DEFAULT '{}',
        created_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        planned_start_on date NOT NULL,
        planned_end_on date NOT NULL,
        actual_start_on date,
        actual_end_on date,
        checklist jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(checklist) = 'array'),
        notes text,
        summary text,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN (${list(STATUSES)})),
        cancel_reason text,
        closed_at timestamptz,
        cancelled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspections_planned_in_order CHECK (planned_end_on >= planned_start_on),
        CONSTRAINT inspections_actual_in_order CHECK (actual_end_on >= actual_start_on),
        CONSTRAINT inspections_started_has_date CHECK ((status IN (${list(STARTED)})) <= (actual_start_on IS NOT NULL)),
        CONSTRAINT inspections_ended_has_date CHECK ((status IN (${list(ENDED)})) = (actual_end_on IS NOT NULL)),
        CONSTRAINT inspections_closed_has_time CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT inspections_cancelled_has_reason CHECK (
          (status = 'cancelled') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL)),
        CONSTRAINT inspections_lead_not_in_team CHECK (NOT (lead_inspector_id = ANY (team_ids))),
        CONSTRAINT inspections_team_size CHECK (cardinality(team_ids) <= 20)
      )`);
    await db.query(`
      CREATE FUNCTION inspections_team_are_users() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing uuid;
      BEGIN
        SELECT member INTO missing FROM unnest(NEW.team_ids) AS member
         WHERE NOT EXISTS (SELECT 1 FROM users WHERE users.id = member) LIMIT 1;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'team member % is not a user', missing
            USING ERRCODE = 'foreign_key_violation', COLUMN = 'team_ids',
                  DETAIL = format('Key (team_ids)=(%s) is not present in table "users".', missing);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER inspections_team_are_users BEFORE INSERT OR UPDATE OF team_ids ON inspections
      FOR EACH ROW EXECUTE FUNCTION inspections_team_are_users()`);
    // Lists: the caller's region first (permissions), by planned start; "today's inspections" by status.
    await db.query(`CREATE INDEX inspections_region_planned_idx ON inspections (region_id, planned_start_on DESC, id)`);
    await db.query(`CREATE INDEX inspections_planned_idx ON inspections (planned_start_on DESC, id)`);
    await db.query(`CREATE INDEX inspections_status_planned_idx ON inspections (status, planned_start_on)`);
    await db.query(`CREATE INDEX inspections_lead_idx ON inspections (lead_inspector_id, status)`);
    await db.query(`CREATE INDEX inspections_team_idx ON inspections USING gin (team_ids)`);
    await db.query(`CREATE INDEX inspections_organisation_idx ON inspections (organisation_id)`);
    await db.query(`CREATE INDEX inspections_number_trgm_idx ON inspections USING gin (number gin_trgm_ops)`);
    await db.query(`CREATE INDEX inspections_notes_trgm_idx ON inspections USING gin (notes gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN (${list(FINDING_KINDS)})),
        severity text NOT NULL CHECK (severity IN (${list(SEVERITIES)})),
        amount numeric(18, 2) CHECK (amount >= 0),
        description text NOT NULL,
        officials jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(officials) = 'array'),
        recommended_measure text,
        -- The appeal the finding came from, and the appeal registered from the finding.
        appeal_id uuid REFERENCES appeals (id) ON DELETE RESTRICT,
        opened_appeal_id uuid UNIQUE REFERENCES appeals (id) ON DELETE RESTRICT,
        created_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX findings_inspection_idx ON findings (inspection_id, created_at)`);
    await db.query(`CREATE INDEX findings_region_created_idx ON findings (region_id, created_at DESC, id)`);
    await db.query(`CREATE INDEX findings_created_idx ON findings (created_at DESC, id)`);
    await db.query(`CREATE INDEX findings_kind_idx ON findings (kind, created_at DESC)`);
    await db.query(`CREATE INDEX findings_appeal_idx ON findings (appeal_id) WHERE appeal_id IS NOT NULL`);
    await db.query(`CREATE INDEX findings_number_trgm_idx ON findings USING gin (number gin_trgm_ops)`);
    await db.query(`CREATE INDEX findings_description_trgm_idx ON findings USING gin (description gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE RESTRICT,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN (${list(CONTENT_TYPES)})),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage text NOT NULL CHECK (storage IN (${list(STORAGES)})),
        storage_key text NOT NULL UNIQUE,
        uploaded_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX evidence_files_finding_idx ON evidence_files (finding_id, created_at)`);
    await db.query(`CREATE INDEX evidence_files_region_idx ON evidence_files (region_id, created_at DESC)`);

    // The referrals module kept finding_id without a key until findings existed.
    await db.query(`
      ALTER TABLE referrals ADD CONSTRAINT referrals_finding_id_fkey
        FOREIGN KEY (finding_id) REFERENCES findings (id) ON DELETE RESTRICT`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE referrals DROP CONSTRAINT referrals_finding_id_fkey`);
    await db.query(`DROP TABLE evidence_files`);
    await db.query(`DROP TABLE findings`);
    await db.query(`DROP TABLE inspections`);
    await db.query(`DROP FUNCTION inspections_team_are_users()`);
    await db.query(`DROP SEQUENCE finding_number_seq`);
    await db.query(`DROP SEQUENCE inspection_number_seq`);
  }
}
