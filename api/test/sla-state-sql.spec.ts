import {
  SLA_STATES,
  type SlaSqlColumns,
  type SlaState,
  slaPointReachedSql,
  slaState,
  slaStateCaseSql,
  slaStateSql,
} from '@adaldesk/libs';
import fc from 'fast-check';
import pg from 'pg';

/**
 * The SLA state has one definition (`SLA_STATE_RULES` in libs): `slaState` evaluates it in
 * TypeScript, and the SQL of lists, timers, the reconciler and statistics is generated from it. Here
 * PostgreSQL itself runs the generated SQL over a table of cases and random ones, and must agree with
 * the TypeScript to the millisecond.
 */
interface Case {
  name: string;
  now: Date;
  dueAt: Date;
  warningAt: Date;
  pausedSince: Date | null;
  decidedAt: Date | null;
}

const at = (iso: string) => new Date(iso);
const DUE = '2026-12-14T13:00:00.000Z';
const WARNING = '2026-12-10T13:00:00.000Z';
const base = { dueAt: at(DUE), warningAt: at(WARNING), pausedSince: null, decidedAt: null };

const CASES: Case[] = [
  { name: 'running, long before the warning', ...base, now: at('2026-12-01T04:00:00Z') },
  { name: 'running, the warning second itself', ...base, now: at(WARNING) },
  { name: 'running, between warning and deadline', ...base, now: at('2026-12-12T04:00:00Z') },
  { name: 'running, the deadline second itself', ...base, now: at(DUE) },
  { name: 'running, a millisecond past the deadline', ...base, now: at('2026-12-14T13:00:00.001Z') },
  {
    name: 'paused before the warning',
    ...base,
    now: at('2026-12-01T04:00:00Z'),
    pausedSince: at('2026-11-30T04:00:00Z'),
  },
  {
    name: 'paused, and the deadline long gone',
    ...base,
    now: at('2027-01-20T04:00:00Z'),
    pausedSince: at('2026-12-01T04:00:00Z'),
  },
  {
    name: 'extended: the deadline moved past now',
    ...base,
    dueAt: at('2026-12-21T13:00:00Z'),
    warningAt: at('2026-12-17T13:00:00Z'),
    now: at('2026-12-15T04:00:00Z'),
  },
  { name: 'decided early', ...base, now: at('2027-01-20T04:00:00Z'), decidedAt: at('2026-12-02T04:00:00Z') },
  { name: 'decided on the deadline second', ...base, now: at('2027-01-20T04:00:00Z'), decidedAt: at(DUE) },
  {
    name: 'decided a millisecond late',
    ...base,
    now: at('2027-01-20T04:00:00Z'),
    decidedAt: at('2026-12-14T13:00:00.001Z'),
  },
  {
    name: 'decided late while a pause was still recorded',
    ...base,
    now: at('2027-01-20T04:00:00Z'),
    pausedSince: at('2026-12-01T04:00:00Z'),
    decidedAt: at('2026-12-20T04:00:00Z'),
  },
  {
    name: 'a warning set at registration (the warning is the start)',
    ...base,
    warningAt: at('2026-11-23T04:00:00Z'),
    now: at('2026-11-23T04:00:00Z'),
  },
];

const APPEAL_COLUMNS: SlaSqlColumns = {
  now: 'c.now',
  dueAt: 'c.due_at',
  warningAt: 'c.warning_at',
  pausedSince: 'c.paused_since',
  decidedAt: 'c.decided_at',
};

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

/** What PostgreSQL makes of each case: the CASE expression, every state's predicate, the points reached. */
async function inPostgres(cases: Case[], columns: SlaSqlColumns, recorded: SlaState[] = []) {
  const predicates = SLA_STATES.map((state) => `(${slaStateSql(state, columns)}) IS TRUE AS "${state}"`);
  const { rows } = await db.query(
    `SELECT ${slaStateCaseSql(columns)} AS state, ${predicates.join(', ')},
            (${slaPointReachedSql('warning', columns)}) AS warning, (${slaPointReachedSql('breach', columns)}) AS breach
       FROM unnest($1::timestamptz[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::text[])
            WITH ORDINALITY AS c(now, due_at, warning_at, paused_since, decided_at, sla_state, n)
      ORDER BY n`,
    [
      cases.map((c) => c.now),
      cases.map((c) => c.dueAt),
      cases.map((c) => c.warningAt),
      cases.map((c) => c.pausedSince),
      cases.map((c) => c.decidedAt),
      cases.map((_, index) => recorded[index] ?? null),
    ],
  );
  return rows.map((row: Record<string, unknown>) => ({
    state: row.state,
    matching: SLA_STATES.filter((state) => row[state] === true),
    warning: row.warning,
    breach: row.breach,
  }));
}

const inTypeScript = (c: Case) => {
  const state = slaState(c);
  return { state, matching: [state], warning: c.now >= c.warningAt, breach: c.now > c.dueAt };
};

test.each(CASES.map((c) => [c.name, c] as const))('%s: the SQL says what TypeScript says', async (_name, c) => {
  const [sql] = await inPostgres([c], APPEAL_COLUMNS);
  expect(sql).toEqual(inTypeScript(c));
});

test('they agree on a thousand random records, edges included', async () => {
  const instant = fc
    .integer({ min: 0, max: 40 * 86_400_000 })
    .map((offset) => new Date(Date.parse('2026-11-20T00:00:00Z') + offset));
  const record = fc
    .record({
      now: instant,
      dueAt: instant,
      warningBefore: fc.integer({ min: 0, max: 5 * 86_400_000 }),
      pausedSince: fc.option(instant, { nil: null }),
      decidedAt: fc.option(instant, { nil: null }),
      exactly: fc.constantFrom('none', 'now=due', 'now=warning', 'decided=due'),
    })
    .map(({ warningBefore, exactly, ...c }) => {
      const warningAt = new Date(c.dueAt.getTime() - warningBefore);
      const now = exactly === 'now=due' ? c.dueAt : exactly === 'now=warning' ? warningAt : c.now;
      const decidedAt = exactly === 'decided=due' ? c.dueAt : c.decidedAt;
      return { name: 'random', ...c, now, warningAt, decidedAt };
    });
  const cases = fc.sample(record, { numRuns: 1_000, seed: 20261207 });
  expect(await inPostgres(cases, APPEAL_COLUMNS)).toEqual(cases.map(inTypeScript));
});

test('a record that never pauses, and keeps the state it was decided in, is read from that column once decided', async () => {
  const columns: SlaSqlColumns = { ...APPEAL_COLUMNS, pausedSince: null, recordedState: 'c.sla_state' };
  const running = CASES.filter((c) => c.decidedAt === null && c.pausedSince === null);
  const cancelled = { ...base, name: 'cancelled while at risk', now: at('2027-01-20T04:00:00Z'), decidedAt: at(DUE) };
  const rows = await inPostgres([...running, cancelled], columns, [
    ...running.map(() => 'on_track' as const),
    'at_risk',
  ]);
  expect(rows.map((row) => row.matching)).toEqual([...running.map((c) => [slaState(c)]), ['at_risk']]);
});
