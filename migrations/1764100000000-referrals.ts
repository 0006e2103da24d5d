import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const AGENCIES = ['anti_corruption', 'police', 'prosecutor', 'financial_monitoring', 'other'];
const STATUSES = ['referred', 'under_review', 'case_opened', 'refused', 'sent_to_court', 'verdict'];
const VERDICTS = ['convicted', 'acquitted', 'dismissed'];
const REVIEWED = ['under_review', 'case_opened', 'sent_to_court', 'verdict'];
const CASE_OPENED = ['case_opened', 'sent_to_court', 'verdict'];
const IN_COURT = ['sent_to_court', 'verdict'];

/**
 * Referrals of materials to law enforcement and their outcome funnel, each step with its date.
 *
 * The persons involved are a jsonb array on the referral rather than a child table: they are always
 * read and written with their referral (never listed, filtered or counted on their own), so one row
 * keeps the list, export, version check and audit diff of the CRUD contract whole.
 */
export class Referrals1764100000000 implements MigrationInterface {
  name = 'Referrals1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE referral_number_seq`);
    await db.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        agency text NOT NULL CHECK (agency IN (${list(AGENCIES)})),
        agency_name text,
        appeal_id uuid REFERENCES appeals (id) ON DELETE RESTRICT,
        -- Findings come with the inspections issue, whose migration adds the foreign key to findings.
        finding_id uuid,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        summary text NOT NULL,
        description text,
        persons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(persons) = 'array'),
        status text NOT NULL DEFAULT 'referred' CHECK (status IN (${list(STATUSES)})),
        referred_on date NOT NULL,
        review_started_on date,
        case_opened_on date,
        refused_on date,
        sent_to_court_on date,
        verdict_on date,
        register_number text,
        refusal_reason text,
        verdict text CHECK (verdict IN (${list(VERDICTS)})),
        sanctions text,
        damages_recovered numeric(18, 2) CHECK (damages_recovered >= 0),
        last_outcome_at timestamptz NOT NULL DEFAULT now(),
        follow_up_due_at timestamptz,
        reminded_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referrals_other_agency_named CHECK (agency <> 'other' OR agency_name IS NOT NULL),
        CONSTRAINT referrals_reviewed_has_date CHECK ((status IN (${list(REVIEWED)})) <= (review_started_on IS NOT NULL)),
        CONSTRAINT referrals_case_has_register_number CHECK (
          (status IN (${list(CASE_OPENED)})) = (case_opened_on IS NOT NULL AND register_number IS NOT NULL)),
        CONSTRAINT referrals_refused_has_reason CHECK (
          (status = 'refused') = (refused_on IS NOT NULL AND refusal_reason IS NOT NULL)),
        CONSTRAINT referrals_in_court_has_date CHECK ((status IN (${list(IN_COURT)})) = (sent_to_court_on IS NOT NULL)),
        CONSTRAINT referrals_verdict_has_kind CHECK ((status = 'verdict') = (verdict IS NOT NULL AND verdict_on IS NOT NULL)),
        CONSTRAINT referrals_steps_in_order CHECK (
          review_started_on >= referred_on AND case_opened_on >= review_started_on
          AND refused_on >= coalesce(review_started_on, referred_on)
          AND sent_to_court_on >= case_opened_on AND verdict_on >= sent_to_court_on),
        -- Once the funnel has ended there is no outcome left to chase.
        CONSTRAINT referrals_final_no_follow_up CHECK (status NOT IN ('refused', 'verdict') OR follow_up_due_at IS NULL)
      )`);
    // Lists: the caller's region first (permissions), newest first; the funnel: region, agency, period.
    await db.query(`CREATE INDEX referrals_region_referred_idx ON referrals (region_id, referred_on DESC, id)`);
    await db.query(`CREATE INDEX referrals_referred_idx ON referrals (referred_on DESC, id)`);
    await db.query(`CREATE INDEX referrals_status_idx ON referrals (status, referred_on DESC)`);
    await db.query(`CREATE INDEX referrals_agency_referred_idx ON referrals (agency, referred_on)`);
    await db.query(`CREATE INDEX referrals_owner_idx ON referrals (owner_id)`);
    await db.query(`CREATE INDEX referrals_organisation_idx ON referrals (organisation_id)`);
    await db.query(`CREATE INDEX referrals_appeal_idx ON referrals (appeal_id) WHERE appeal_id IS NOT NULL`);
    await db.query(`CREATE INDEX referrals_finding_idx ON referrals (finding_id) WHERE finding_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX referrals_follow_up_idx ON referrals (follow_up_due_at) WHERE follow_up_due_at IS NOT NULL`,
    );
    await db.query(`CREATE INDEX referrals_number_trgm_idx ON referrals USING gin (number gin_trgm_ops)`);
    await db.query(`CREATE INDEX referrals_summary_trgm_idx ON referrals USING gin (summary gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE referrals`);
    await db.query(`DROP SEQUENCE referral_number_seq`);
  }
}
