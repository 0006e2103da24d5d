import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const STATUSES = ['open', 'reported_done', 'verified', 'cancelled'];
const SLA_STATES = ['on_track', 'at_risk', 'breached', 'met', 'missed'];
const REPORTED = ['reported_done', 'verified'];
const STOPPED = ['reported_done', 'verified', 'cancelled'];

/**
 * Corrective actions: what an inspected body must fix after a finding, by when (on the SLA engine),
 * and the inspector's verification.
 *
 * The inspection's lead and team are copied onto each action (`lead_inspector_id`, `inspector_ids`) by
 * triggers, so the permission rule "inspectors act on the actions of inspections they work on" is a
 * condition on the action's own row (`$me = ANY(inspector_ids)`), and lists and counts stay one
 * indexed query; a change of the inspection's team reaches its actions in the same transaction.
 *
 * SLA policies gain `warning_days_before` (warn N working days before the deadline instead of at a
 * share of the time); the seeded `corrective_action` policy uses it.
 */
export class CorrectiveActions1764300000000 implements MigrationInterface {
  name = 'CorrectiveActions1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sla_policies ADD COLUMN warning_days_before integer
        CHECK (warning_days_before >= 0 AND warning_days_before < 365)`);
    // The seeded corrective-action policy warns 5 working days before its 30 (databases seeded earlier too).
    await db.query(
      `UPDATE sla_policies SET warning_days_before = 5 WHERE code = 'corrective_action' AND warning_days_before IS NULL`,
    );

    await db.query(`CREATE SEQUENCE corrective_action_number_seq`);
    await db.query(`
      CREATE TABLE corrective_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE RESTRICT,
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        lead_inspector_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        inspector_ids uuid[] NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 5 AND 5000),
        responsible_organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        responsible_person_name text NOT NULL CHECK (length(responsible_person_name) BETWEEN 3 AND 300),
        responsible_person_position text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN (${list(STATUSES)})),
        sla_policy_id uuid NOT NULL REFERENCES sla_policies (id) ON DELETE RESTRICT,
        issued_at timestamptz NOT NULL,
        due_on date,
        term_working_days integer CHECK (term_working_days BETWEEN 1 AND 365),
        extension_days integer NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
        due_at timestamptz NOT NULL,
        warning_at timestamptz NOT NULL,
        decided_at timestamptz,
        sla_state text NOT NULL DEFAULT 'on_track' CHECK (sla_state IN (${list(SLA_STATES)})),
        warned_at timestamptz,
        breached_at timestamptz,
        reported_on date,
        report_note text,
        verified_on date,
        verification_note text,
        verified_by_id uuid REFERENCES users (id) ON DELETE RESTRICT,
        rejection_reason text,
        cancel_reason text,
        created_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT corrective_actions_one_term CHECK (due_on IS NULL OR term_working_days IS NULL),
        CONSTRAINT corrective_actions_warning_before_due CHECK (warning_at <= due_at),
        CONSTRAINT corrective_actions_stopped_when_decided CHECK ((status IN (${list(STOPPED)})) = (decided_at IS NOT NULL)),
        CONSTRAINT corrective_actions_reported_has_note CHECK (
          (status IN (${list(REPORTED)})) = (reported_on IS NOT NULL AND report_note IS NOT NULL)),
        CONSTRAINT corrective_actions_verified_has_note CHECK (
          (status = 'verified') = (verified_on IS NOT NULL AND verification_note IS NOT NULL AND verified_by_id IS NOT NULL)),
        CONSTRAINT corrective_actions_verified_after_report CHECK (verified_on >= reported_on),
        CONSTRAINT corrective_actions_cancelled_has_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);

    await db.query(`
      CREATE FUNCTION corrective_actions_inspectors() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT i.lead_inspector_id, i.lead_inspector_id || i.team_ids
          INTO NEW.lead_inspector_id, NEW.inspector_ids
          FROM inspections i WHERE i.id = NEW.inspection_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER corrective_actions_inspectors BEFORE INSERT OR UPDATE OF inspection_id ON corrective_actions
      FOR EACH ROW EXECUTE FUNCTION corrective_actions_inspectors()`);
    await db.query(`
      CREATE FUNCTION inspections_team_to_corrective_actions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE corrective_actions
           SET lead_inspector_id = NEW.lead_inspector_id, inspector_ids = NEW.lead_inspector_id || NEW.team_ids
         WHERE inspection_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER inspections_team_to_corrective_actions AFTER UPDATE OF lead_inspector_id, team_ids ON inspections
      FOR EACH ROW WHEN (OLD.lead_inspector_id IS DISTINCT FROM NEW.lead_inspector_id OR OLD.team_ids IS DISTINCT FROM NEW.team_ids)
      EXECUTE FUNCTION inspections_team_to_corrective_actions()`);

    // Lists: the caller's region first (permissions), by deadline; the follow-up list: open and due soonest.
    await db.query(`CREATE INDEX corrective_actions_region_due_idx ON corrective_actions (region_id, due_at, id)`);
    await db.query(`CREATE INDEX corrective_actions_due_idx ON corrective_actions (due_at, id)`);
    await db.query(`CREATE INDEX corrective_actions_finding_idx ON corrective_actions (finding_id)`);
    await db.query(`CREATE INDEX corrective_actions_inspection_idx ON corrective_actions (inspection_id)`);
    await db.query(`CREATE INDEX corrective_actions_inspectors_idx ON corrective_actions USING gin (inspector_ids)`);
    await db.query(`CREATE INDEX corrective_actions_status_idx ON corrective_actions (status, due_at)`);
    // The timers' reconciler reads only actions whose clock runs.
    await db.query(
      `CREATE INDEX corrective_actions_running_idx ON corrective_actions (due_at) WHERE decided_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX corrective_actions_number_trgm_idx ON corrective_actions USING gin (number gin_trgm_ops)`,
    );
    await db.query(
      `CREATE INDEX corrective_actions_description_trgm_idx ON corrective_actions USING gin (description gin_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER inspections_team_to_corrective_actions ON inspections`);
    await db.query(`DROP FUNCTION inspections_team_to_corrective_actions()`);
    await db.query(`DROP TABLE corrective_actions`);
    await db.query(`DROP FUNCTION corrective_actions_inspectors()`);
    await db.query(`DROP SEQUENCE corrective_action_number_seq`);
    await db.query(`ALTER TABLE sla_policies DROP COLUMN warning_days_before`);
  }
}
