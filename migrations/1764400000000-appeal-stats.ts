import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const DIMENSIONS = ['total', 'category', 'organisation', 'channel', 'assignee', 'decision_days'];
/** Appeal columns a statistic depends on: a change to any other (SLA flags, texts) is not queued. */
const COUNTED_COLUMNS = [
  'received_at',
  'registered_at',
  'region_id',
  'confidential',
  'category_id',
  'organisation_id',
  'channel',
  'assignee_id',
  'status',
  'outcome',
  'decided_at',
  'due_at',
];

/**
 * Incrementally kept statistics of appeals, so dashboards answer in milliseconds at national scale.
 *
 * - `appeal_stats_changes`: the ids of appeals changed since the last fold, queued by a row trigger
 *   that only appends (no hot row is updated, so concurrent intake never waits on it).
 * - `appeal_stats_facts`: what each appeal currently contributes to the rollups (its keys, its
 *   received and decision days, its outcome, whether on time, working days to decision). A fold
 *   subtracts the old fact and adds the new one, so folding an appeal twice changes nothing.
 * - `appeal_stats_rollup`: counters per day and per month, region, confidentiality, and one key of a
 *   dimension (`total` has the key ''; `decision_days` is the histogram of working days to decision,
 *   keyed by the number of days, so the median is exact to the day).
 *   `open` counts the appeals received on the row's day that are undecided now, so open appeals per
 *   key are a sum over the monthly rows rather than a scan of every open appeal.
 * - `appeal_stats_state`: when the rollups were built and last folded (`null`: build them first).
 *
 * Open appeals by SLA state and age are counted live (their state moves with the clock), through a
 * partial index that covers every column the counts read.
 */
export class AppealStats1764400000000 implements MigrationInterface {
  name = 'AppealStats1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE appeal_stats_changes (
        id bigserial PRIMARY KEY,
        appeal_id uuid NOT NULL
      )`);
    await db.query(`
      CREATE FUNCTION appeal_stats_queue_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appeal_stats_changes (appeal_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER appeals_stats_on_insert AFTER INSERT ON appeals
      FOR EACH ROW EXECUTE FUNCTION appeal_stats_queue_change()`);
    await db.query(`
      CREATE TRIGGER appeals_stats_on_update AFTER UPDATE ON appeals
      FOR EACH ROW WHEN (${COUNTED_COLUMNS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION appeal_stats_queue_change()`);

    await db.query(`
      CREATE TABLE appeal_stats_facts (
        appeal_id uuid PRIMARY KEY,
        region_id uuid NOT NULL,
        confidential boolean NOT NULL,
        category_id uuid,
        organisation_id uuid,
        channel text NOT NULL,
        assignee_id uuid,
        received_on date NOT NULL,
        decided_on date,
        decision text CHECK (decision IN ('resolved', 'forwarded')),
        favourable boolean,
        on_time boolean,
        working_days integer,
        CONSTRAINT appeal_stats_facts_decided CHECK ((decision IS NULL) = (decided_on IS NULL))
      )`);
    await db.query(`
      CREATE TABLE appeal_stats_rollup (
        grain text NOT NULL CHECK (grain IN ('day', 'month')),
        dimension text NOT NULL CHECK (dimension IN (${list(DIMENSIONS)})),
        starts_on date NOT NULL,
        region_id uuid NOT NULL,
        confidential boolean NOT NULL,
        key text NOT NULL,
        received integer NOT NULL DEFAULT 0,
        resolved integer NOT NULL DEFAULT 0,
        favourable integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        forwarded integer NOT NULL DEFAULT 0,
        forwarded_on_time integer NOT NULL DEFAULT 0,
        -- Appeals received on the row's day (or month) that are not decided now.
        open integer NOT NULL DEFAULT 0,
        PRIMARY KEY (dimension, grain, starts_on, region_id, confidential, key),
        CONSTRAINT appeal_stats_rollup_month_start CHECK (grain = 'day' OR extract(day FROM starts_on) = 1)
      )`);
    await db.query(`
      CREATE TABLE appeal_stats_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        built_at timestamptz,
        folded_at timestamptz
      )`);
    await db.query(`INSERT INTO appeal_stats_state (id) VALUES (true)`);

    // Every column the live counts read, `decided_at` included (the SLA-state conditions name it), so
    // they are index-only scans of the open appeals alone.
    await db.query(`
      CREATE INDEX appeals_open_stats_idx ON appeals (region_id, confidential)
      INCLUDE (decided_at, registered_at, warning_at, due_at, paused_since)
      WHERE decided_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX appeals_open_stats_idx`);
    await db.query(`DROP TABLE appeal_stats_state`);
    await db.query(`DROP TABLE appeal_stats_rollup`);
    await db.query(`DROP TABLE appeal_stats_facts`);
    await db.query(`DROP TRIGGER appeals_stats_on_update ON appeals`);
    await db.query(`DROP TRIGGER appeals_stats_on_insert ON appeals`);
    await db.query(`DROP FUNCTION appeal_stats_queue_change()`);
    await db.query(`DROP TABLE appeal_stats_changes`);
  }
}
