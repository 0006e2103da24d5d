import type { SlaState } from './sla-clock.js';

/** The instants an SLA state is decided from. */
export type SlaInstant = 'now' | 'dueAt' | 'warningAt' | 'pausedSince' | 'decidedAt';

/** One test of a rule: an instant is set, or one instant is before (or at) another. */
export type SlaTest = { set: 'pausedSince' | 'decidedAt' } | { before: SlaInstant; than: SlaInstant; orAt?: boolean };

/**
 * Where a record stands, as an ordered list: the first rule whose tests all hold gives the state. A
 * decision settles it (`met` on or before the deadline, `missed` after); an undecided record is
 * `paused` while a pause is open, whatever the time, then `breached` after the deadline, `at_risk`
 * from the warning, and `on_track` before.
 *
 * This list is the one definition: `slaState` evaluates it in TypeScript, and `slaStateSql` /
 * `slaStateCaseSql` write it as SQL for lists, timers, the reconciler and statistics.
 */
export const SLA_STATE_RULES: readonly { state: SlaState; when: readonly SlaTest[] }[] = [
  { state: 'met', when: [{ set: 'decidedAt' }, { before: 'decidedAt', than: 'dueAt', orAt: true }] },
  { state: 'missed', when: [{ set: 'decidedAt' }] },
  { state: 'paused', when: [{ set: 'pausedSince' }] },
  { state: 'breached', when: [{ before: 'dueAt', than: 'now' }] },
  { state: 'at_risk', when: [{ before: 'warningAt', than: 'now', orAt: true }] },
  { state: 'on_track', when: [] },
];

/** The two points on a running clock a timer fires at: the warning, then the breach. */
export const SLA_POINTS: Record<'warning' | 'breach', SlaTest> = {
  warning: { before: 'warningAt', than: 'now', orAt: true },
  breach: { before: 'dueAt', than: 'now' },
};

export type SlaInstants = Record<SlaInstant, Date | null>;

/** Whether `test` holds of `instants` (a comparison with an unset instant does not). */
export function slaTestHolds(test: SlaTest, instants: SlaInstants): boolean {
  if ('set' in test) return instants[test.set] !== null;
  const before = instants[test.before];
  const than = instants[test.than];
  if (before === null || than === null) return false;
  return test.orAt ? before.getTime() <= than.getTime() : before.getTime() < than.getTime();
}

/** The state `SLA_STATE_RULES` give `instants`. */
export function evaluateSlaRules(instants: SlaInstants): SlaState {
  const rule = SLA_STATE_RULES.find(({ when }) => when.every((test) => slaTestHolds(test, instants)));
  // The last rule has no test, so one always matches.
  return rule!.state;
}

/**
 * The SQL of each instant: a column (`record.due_at`) or a parameter (`:now`, `$2`). `recordedState`,
 * when set, is a column that holds the state a decided record was left in (a corrective action keeps
 * the state it had when cancelled): decided records are then read from it, not from the clock.
 */
export interface SlaSqlColumns {
  now: string;
  dueAt: string;
  warningAt: string;
  /** Null for records that never pause. */
  pausedSince: string | null;
  decidedAt: string;
  recordedState?: string;
}

/** A literal of a condition in conjunctive form: a test, or its negation. */
interface Literal {
  test: SlaTest;
  negated: boolean;
}
const sameTest = (a: SlaTest, b: SlaTest) => JSON.stringify(a) === JSON.stringify(b);
const sameLiteral = (a: Literal, b: Literal) => a.negated === b.negated && sameTest(a.test, b.test);

/**
 * SQL that holds exactly for the records in `state`. Built from the rules: this rule's tests, and
 * the negation of every rule before it, simplified so that the SQL reads as one would write it.
 */
export function slaStateSql(state: SlaState, columns: SlaSqlColumns): string {
  if (columns.recordedState) {
    const running = clockStateSql(state, { ...columns, pausedSince: null }, true);
    const settled = `${columns.decidedAt} IS NOT NULL AND ${columns.recordedState} = '${state}'`;
    return running === 'FALSE' ? settled : `(${settled}) OR (${columns.decidedAt} IS NULL AND ${running})`;
  }
  return clockStateSql(state, columns, false);
}

/** `slaStateSql` of every state, for a filter that takes several. */
export function slaStateSqlByState(columns: SlaSqlColumns): Record<SlaState, string> {
  return Object.fromEntries(SLA_STATE_RULES.map(({ state }) => [state, slaStateSql(state, columns)])) as Record<
    SlaState,
    string
  >;
}

/** The columns of a record under the alias `record`, with the present as `:now`; the tables share their names. */
export const SLA_RECORD_COLUMNS: SlaSqlColumns = {
  now: ':now',
  dueAt: 'record.due_at',
  warningAt: 'record.warning_at',
  pausedSince: 'record.paused_since',
  decidedAt: 'record.decided_at',
};

/** A `CASE` expression giving each record's state, in the order of the rules. */
export function slaStateCaseSql(columns: SlaSqlColumns): string {
  const branches = SLA_STATE_RULES.filter(({ state }) => applicable(state, columns)).map(
    ({ state }) => `WHEN ${slaStateSql(state, columns)} THEN '${state}'`,
  );
  return `CASE ${branches.join(' ')} END`;
}

/** SQL that holds once a running clock has reached `point` (its warning, or its breach). */
export function slaPointReachedSql(point: keyof typeof SLA_POINTS, columns: SlaSqlColumns): string {
  return testSql(SLA_POINTS[point], columns);
}

function applicable(state: SlaState, columns: SlaSqlColumns): boolean {
  return state !== 'paused' || columns.pausedSince !== null;
}

function clockStateSql(state: SlaState, columns: SlaSqlColumns, running: boolean): string {
  if (!applicable(state, columns)) return 'FALSE';
  // Tests of an instant a record does not have (a pause that never happens) never hold.
  const possible = (test: SlaTest) => !('set' in test) || columns[test.set] !== null;
  const rules = SLA_STATE_RULES.filter(({ when }) => when.every(possible)).filter(
    // A running record is undecided: the decided rules are not its.
    ({ when }) => !running || !when.some((test) => 'set' in test && test.set === 'decidedAt'),
  );
  const index = rules.findIndex((rule) => rule.state === state);
  if (index < 0) return 'FALSE';
  // Each clause is a disjunction of literals; the condition is their conjunction.
  let clauses: Literal[][] = [
    ...rules[index].when.map((test) => [{ test, negated: false }]),
    ...rules.slice(0, index).map(({ when }) => when.map((test) => ({ test, negated: true }))),
  ];
  clauses = simplify(clauses);
  if (clauses.length === 0) return 'TRUE';
  return clauses
    .map((clause) => {
      const sql = clause.map((literal) => literalSql(literal, columns));
      return sql.length === 1 ? sql[0] : `(${sql.join(' OR ')})`;
    })
    .join(' AND ');
}

/** Unit resolution and subsumption: drop literals a single-literal clause contradicts, and clauses it implies. */
function simplify(clauses: Literal[][]): Literal[][] {
  let current = clauses;
  for (;;) {
    const units = current.filter((clause) => clause.length === 1).map((clause) => clause[0]);
    const next = current
      .map((clause) =>
        clause.length === 1
          ? clause
          : clause.filter(
              (literal) => !units.some((unit) => sameTest(unit.test, literal.test) && unit.negated !== literal.negated),
            ),
      )
      .filter(
        (clause, index, all) =>
          !(clause.length > 1 && units.some((unit) => clause.some((literal) => sameLiteral(literal, unit)))) &&
          all.findIndex(
            (other) => other.length === clause.length && other.every((l, k) => sameLiteral(l, clause[k])),
          ) === index,
      );
    if (JSON.stringify(next) === JSON.stringify(current)) return next;
    current = next;
  }
}

function literalSql({ test, negated }: Literal, columns: SlaSqlColumns): string {
  if ('set' in test) return `${columns[test.set]} IS ${negated ? '' : 'NOT '}NULL`;
  return testSql(negated ? { before: test.than, than: test.before, orAt: !test.orAt } : test, columns);
}

function testSql(test: SlaTest, columns: SlaSqlColumns): string {
  if ('set' in test) return `${columns[test.set]} IS NOT NULL`;
  return `${columns[test.before]} ${test.orAt ? '<=' : '<'} ${columns[test.than]}`;
}
