import { slaStateCaseSql, withCheckDigit } from '@adaldesk/libs';
import type pg from 'pg';
import { MATTERS, NAMES, SLOT_VALUES } from '../seed/demo-appeal-texts.js';

/** Rows per INSERT ... SELECT: big enough to be fast, small enough to report progress. */
const CHUNK = 100_000;

export interface BulkSeedReport {
  insertMillis: number;
  indexMillis: number;
  analyzeMillis: number;
}

/**
 * Fills `appeals` with `count` synthetic rows straight in SQL (`INSERT ... SELECT ... generate_series`),
 * for the benchmark. Distribution as in production: 20 regions weighted to Almaty city, 12 categories,
 * statuses by age (old ones decided, recent ones open), descriptions of three Kazakh or Russian
 * sentences (~250 characters) so trigram search has real work. The SLA fields are approximate (calendar
 * days, no working calendar) but satisfy the table's constraints. The appeals indexes are dropped
 * during the load and rebuilt after it, as a bulk load into a new table would do; the result is
 * the same table and indexes the migrations create.
 */
export async function bulkSeedAppeals(
  client: pg.ClientBase,
  count: number,
  now: Date,
  progress: (message: string) => void,
  spanDays = 300,
): Promise<BulkSeedReport> {
  const lookups = await referenceLookups(client);
  const indexes: { indexname: string; indexdef: string }[] = (
    await client.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = 'appeals'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
  ).rows;
  for (const index of indexes) await client.query(`DROP INDEX ${index.indexname}`);

  const insertStart = Date.now();
  // Foreign keys point at the lookup rows read above; skipping their per-row checks halves the load time.
  // Needs a superuser (the embedded server's user is one); otherwise the checks simply run.
  const replica = await client
    .query(`SET session_replication_role = replica`)
    .then(() => true)
    .catch(() => false);
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    await client.query(INSERT_SQL, [start, end, now, ...lookups, spanDays]);
    progress(`  ${end.toLocaleString('en')} / ${count.toLocaleString('en')} appeals`);
  }
  if (replica) await client.query(`SET session_replication_role = DEFAULT`);
  const insertMillis = Date.now() - insertStart;

  const indexStart = Date.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) {
    await client.query(index.indexdef);
    progress(`  rebuilt ${index.indexname}`);
  }
  const indexMillis = Date.now() - indexStart;
  const analyzeStart = Date.now();
  await client.query(`VACUUM (ANALYZE) appeals`);
  return { insertMillis, indexMillis, analyzeMillis: Date.now() - analyzeStart };
}

/** Parameters $4.. of INSERT_SQL: ids and texts to draw from, weighted by repetition. */
async function referenceLookups(client: pg.ClientBase): Promise<unknown[]> {
  const regions: { id: string; code: string }[] = (await client.query(`SELECT id, code FROM regions ORDER BY code`))
    .rows;
  const regionWeights = regions.flatMap((region, index) =>
    Array<number>(region.code === 'KZ-75' ? 30 : region.code === 'KZ-71' ? 9 : region.code === 'KZ-79' ? 7 : 3).fill(
      index + 1,
    ),
  );
  const organisations: { id: string; region_id: string | null }[] = (
    await client.query(`SELECT id, region_id FROM organisations ORDER BY id`)
  ).rows;
  // One row of organisations per region (a PostgreSQL array must be rectangular): its own, else any.
  const organisationGrid = regions.map((region) => {
    const own = organisations.filter((organisation) => organisation.region_id === region.id).map((o) => o.id);
    const pool = own.length > 0 ? own : organisations.map((o) => o.id);
    return Array.from({ length: 6 }, (_, index) => pool[index % pool.length]);
  });
  const users: { id: string; role: string; region_id: string | null }[] = (
    await client.query(`SELECT id, role, region_id FROM users WHERE role IN ('officer', 'admin') ORDER BY email`)
  ).rows;
  const admin = users.find((user) => user.role === 'admin')!;
  const registrars = regions.map(
    (region) => users.find((user) => user.role === 'officer' && user.region_id === region.id)?.id ?? admin.id,
  );
  const categories: { id: string; code: string }[] = (await client.query(`SELECT id, code FROM categories`)).rows;
  const categoryWeights = categories.flatMap((category) =>
    Array<string>(category.code === 'housing_utilities' ? 16 : category.code === 'corruption_report' ? 3 : 9).fill(
      category.id,
    ),
  );
  const policies: { id: string; code: string }[] = (await client.query(`SELECT id, code FROM sla_policies`)).rows;
  const policy = (code: string) => policies.find((p) => p.code === code)!.id;
  const sentences = benchSentences();
  const names = [...NAMES.kazakh.surnames, ...NAMES.russian.surnames].flatMap((surname) =>
    [...NAMES.kazakh.male, ...NAMES.russian.male].map((first) => `${surname} ${first}`),
  );
  const iins = Array.from({ length: 5000 }, (_, index) => {
    const birth = `${String(50 + (index % 50)).padStart(2, '0')}${String(1 + (index % 12)).padStart(2, '0')}${String(1 + (index % 28)).padStart(2, '0')}`;
    for (let serial = index; ; serial += 7) {
      const iin = withCheckDigit(`${birth}3${String(serial % 10_000).padStart(4, '0')}`);
      if (iin) return iin;
    }
  });
  return [
    regions.map((region) => region.id),
    regionWeights,
    organisationGrid,
    registrars,
    categoryWeights,
    policy('appeal_standard'),
    policy('appeal_forward'),
    policy('crime_report'),
    sentences,
    names,
    iins,
  ];
}

const pickFrom = (array: string) => `(${array})[1 + floor(random() * cardinality(${array}))::int]`;

/**
 * $1..$2 the row numbers, $3 now, $4 region ids, $5 weighted region indexes, $6 organisations by region,
 * $7 registrar by region, $8 weighted category ids, $9..$11 policies (standard, forward, crime),
 * $12 sentences, $13 names, $14 IINs, $15 the days back the oldest appeal was received.
 */
const INSERT_SQL = `
INSERT INTO appeals (number, channel, kind, received_at, registered_at, registered_by_id, region_id,
  organisation_id, category_id, assignee_id, description, anonymous, confidential, applicant_name,
  applicant_iin, applicant_phone, status, outcome, resolution_text, forwarded_to_id, sla_policy_id,
  sla_started_at, sla_pauses, paused_since, due_at, warning_at, decided_at, sla_state, warned_at, breached_at,
  version, created_at, updated_at)
SELECT
  'AP-' || to_char(received_at AT TIME ZONE 'Asia/Almaty', 'YYYY') || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0'),
  channel, kind, received_at, received_at, registrar, region_id, organisation_id, category_id,
  CASE WHEN status <> 'registered' THEN registrar END,
  description, anonymous, confidential,
  CASE WHEN NOT anonymous THEN applicant_name END,
  CASE WHEN NOT anonymous THEN applicant_iin END,
  CASE WHEN NOT anonymous THEN applicant_phone END,
  status,
  CASE WHEN status IN ('resolved', 'closed') THEN outcome END,
  CASE WHEN status IN ('resolved', 'closed') THEN 'Өтініш қаралды, өтініш берушіге жауап жіберілді. Заявителю дан ответ.' END,
  CASE WHEN status = 'forwarded' THEN organisation_id END,
  sla_policy_id, received_at,
  CASE WHEN status = 'awaiting_info'
    THEN jsonb_build_array(jsonb_build_object('from', paused_since, 'to', NULL)) ELSE '[]'::jsonb END,
  CASE WHEN status = 'awaiting_info' THEN paused_since END,
  due_at, warning_at,
  CASE WHEN status IN ('resolved', 'closed', 'forwarded') THEN decided_at END,
  ${slaStateCaseSql({
    now: '$3',
    dueAt: 'due_at',
    warningAt: 'warning_at',
    pausedSince: "(CASE WHEN status = 'awaiting_info' THEN paused_since END)",
    decidedAt: "(CASE WHEN status IN ('resolved', 'closed', 'forwarded') THEN decided_at END)",
  })},
  -- Flagged as the timers would have: else the app's reconciler re-flags them all while we measure.
  CASE WHEN warning_at <= least($3, CASE WHEN status IN ('resolved', 'closed', 'forwarded') THEN decided_at END) THEN warning_at END,
  CASE WHEN due_at < least($3, CASE WHEN status IN ('resolved', 'closed', 'forwarded') THEN decided_at END) THEN due_at END,
  CASE status WHEN 'registered' THEN 1 WHEN 'triaged' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'forwarded' THEN 3
    WHEN 'awaiting_info' THEN 4 WHEN 'resolved' THEN 4 WHEN 'closed' THEN 5 ELSE 6 END,
  received_at,
  CASE WHEN status IN ('resolved', 'closed', 'forwarded') THEN decided_at ELSE received_at END
FROM (
  SELECT s.*,
    CASE WHEN status = 'forwarded' THEN $10::uuid WHEN kind = 'report' THEN $11::uuid ELSE $9::uuid END AS sla_policy_id,
    received_at + CASE WHEN status = 'forwarded' THEN 4 WHEN kind = 'report' THEN 1 ELSE 21 END * interval '1 day' AS due_at,
    received_at + CASE WHEN status = 'forwarded' THEN 3 WHEN kind = 'report' THEN 0.5 ELSE 17 END * interval '1 day' AS warning_at,
    received_at + least(age_days, CASE WHEN status = 'forwarded' THEN 0.2 + random() * 3 ELSE 2 + random() * 20 END)
      * interval '1 day' AS decided_at,
    received_at + age_days * random() * interval '1 day' AS paused_since
  FROM (
    SELECT r.*,
      $3::timestamptz - age_days * interval '1 day' AS received_at,
      ($4::uuid[])[region] AS region_id,
      ($6::uuid[])[region][1 + floor(random() * 6)::int] AS organisation_id,
      ($7::uuid[])[region] AS registrar,
      CASE
        WHEN age_days >= 21 OR random() >= 1 - age_days / 21 THEN
          CASE WHEN status_roll < 0.01 THEN 'in_progress' WHEN status_roll < 0.10 THEN 'forwarded'
               WHEN status_roll < 0.14 THEN 'resolved' ELSE 'closed' END
        WHEN age_days < 1 THEN 'registered'
        WHEN age_days < 2 THEN 'triaged'
        WHEN status_roll < 0.85 THEN 'in_progress'
        WHEN status_roll < 0.95 THEN 'awaiting_info'
        ELSE 'reopened'
      END AS status,
      anonymous_roll < CASE WHEN kind = 'report' THEN 0.3 ELSE 0.03 END AS anonymous
    FROM (
      SELECT g,
        nextval('appeal_number_seq') AS seq,
        power(random(), 1.15) * $15::int AS age_days,
        ${pickFrom('$5::int[]')} AS region,
        ${pickFrom('$8::uuid[]')} AS category_id,
        (ARRAY['front_office', 'call_center_109', 'portal', 'portal', 'front_office', 'call_center_109',
               'social_media', 'reception', 'live_broadcast', 'email', 'letter', 'portal'])[1 + floor(random() * 12)::int]
          AS channel,
        CASE WHEN random() < 0.63 THEN 'complaint' WHEN random() < 0.6 THEN 'request'
             WHEN random() < 0.6 THEN 'proposal' ELSE 'report' END AS kind,
        ${pickFrom('$12::text[]')} || ' ' || ${pickFrom('$12::text[]')} || ' ' || ${pickFrom('$12::text[]')} AS description,
        random() < 0.03 AS confidential,
        random() AS anonymous_roll,
        random() AS status_roll,
        ${pickFrom('$13::text[]')} AS applicant_name,
        ${pickFrom('$14::text[]')} AS applicant_iin,
        '+7 70' || floor(random() * 10)::int || ' ' || lpad(floor(random() * 10000000)::int::text, 7, '0') AS applicant_phone,
        -- 8 in 10 satisfied or partly: the resolution rate the offices report.
        (ARRAY['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'partially_satisfied',
               'partially_satisfied', 'explained', 'rejected'])[1 + floor(random() * 10)::int] AS outcome
      FROM generate_series($1::int, $2::int) AS g
    ) r
  ) s
) t`;

/** Every demo sentence of every matter, in Kazakh and Russian, its blanks filled: the bench's appeal texts. */
export function benchSentences(): string[] {
  return Object.values(MATTERS).flatMap((phrases) =>
    [...phrases.kk, ...phrases.ru].map((sentence) =>
      sentence.replace(/\{(\w+)\}/g, (_, slot: string) => SLOT_VALUES[slot]?.kk[0] ?? '12'),
    ),
  );
}
