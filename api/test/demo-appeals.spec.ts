import {
  APPEAL_STATUSES,
  computeDueAt,
  DECIDED_APPEAL_STATUSES,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKDAY_END,
  DEFAULT_WORKDAY_START,
  DUPLICATE_WINDOW_DAYS,
  FAVOURABLE_OUTCOMES,
  isValidBin,
  isValidIin,
  slaState,
  WorkingCalendar,
  type AppealOutcome,
  type AppealStatus,
  type SlaPolicyTerms,
} from '@adaldesk/libs';
import type { QueryRunner } from 'typeorm';
import type { StoredPause } from '../src/appeals/appeal.entity.js';
import { type DemoAppealsResult, seedDemoAppeals } from '../src/seed/demo-appeals.js';
import { startTestApp, type TestApp } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * The demo appeals, seeded into Ulytau (a region no other test uses) inside a transaction that is
 * rolled back at the end, so the test files running beside this one never see them.
 */
const COUNT = 400;
const NOW = testNow();
const REGION = 'KZ-62';

interface Row {
  id: string;
  number: string;
  kind: string;
  receivedAt: Date;
  registeredAt: Date;
  registeredById: string;
  registrarRole: string;
  registrarRegion: string | null;
  regionId: string;
  organisationId: string | null;
  categoryCode: string | null;
  description: string;
  anonymous: boolean;
  applicantName: string | null;
  applicantIin: string | null;
  applicantBin: string | null;
  status: AppealStatus;
  outcome: AppealOutcome | null;
  resolutionText: string | null;
  forwardedToId: string | null;
  duplicateOfId: string | null;
  policyCode: string;
  policy: SlaPolicyTerms;
  slaStartedAt: Date;
  slaPauses: StoredPause[];
  pausedSince: Date | null;
  extensionDays: number;
  dueAt: Date;
  warningAt: Date;
  decidedAt: Date | null;
  slaState: string;
  auditEvents: number;
}

let t: TestApp;
let runner: QueryRunner;
let result: DemoAppealsResult;
let rows: Row[];
let calendar: WorkingCalendar;

beforeAll(async () => {
  t = await startTestApp();
  runner = t.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const settings = {
    timeZone: DEFAULT_TIME_ZONE,
    workdayStart: DEFAULT_WORKDAY_START,
    workdayEnd: DEFAULT_WORKDAY_END,
  };
  result = await seedDemoAppeals(runner.manager, { ...settings, count: COUNT, now: NOW, regionCodes: [REGION] });
  calendar = new WorkingCalendar(
    await runner.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days`),
    settings,
  );
  rows = await runner.query(
    `SELECT a.id, a.number, a.kind, a.received_at AS "receivedAt", a.registered_at AS "registeredAt",
            a.registered_by_id AS "registeredById", u.role AS "registrarRole", u.region_id AS "registrarRegion",
            a.region_id AS "regionId", a.organisation_id AS "organisationId", c.code AS "categoryCode",
            a.description, a.anonymous, a.applicant_name AS "applicantName", a.applicant_iin AS "applicantIin",
            a.applicant_bin AS "applicantBin", a.status, a.outcome, a.resolution_text AS "resolutionText",
            a.forwarded_to_id AS "forwardedToId", a.duplicate_of_id AS "duplicateOfId", p.code AS "policyCode",
            json_build_object('goalAmount', p.goal_amount, 'goalUnit', p.goal_unit,
              'warningPercent', p.warning_percent, 'maxExtensionDays', p.max_extension_days) AS policy,
            a.sla_started_at AS "slaStartedAt", a.sla_pauses AS "slaPauses", a.paused_since AS "pausedSince",
            a.extension_days AS "extensionDays", a.due_at AS "dueAt", a.warning_at AS "warningAt",
            a.decided_at AS "decidedAt", a.sla_state AS "slaState",
            (SELECT count(*)::int FROM audit_events e
              WHERE e.entity_type = 'appeals' AND e.entity_id = a.id::text AND e.action = 'create') AS "auditEvents"
       FROM appeals a
       JOIN regions r ON r.id = a.region_id
       JOIN users u ON u.id = a.registered_by_id
       JOIN sla_policies p ON p.id = a.sla_policy_id
       LEFT JOIN categories c ON c.id = a.category_id
      WHERE r.code = $1
      ORDER BY a.received_at`,
    [REGION],
  );
}, 120_000);

afterAll(async () => {
  if (runner) {
    await runner.rollbackTransaction();
    await runner.release();
  }
  await t?.close();
});

const byStatus = () =>
  Object.fromEntries(APPEAL_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length]));

test('seeds the requested appeals with organisations and officers for the region, and one audit event per appeal', () => {
  expect(result.appeals).toBe(COUNT);
  expect(rows).toHaveLength(COUNT);
  expect(result.organisations).toBeGreaterThanOrEqual(3);
  expect(result.officers).toBeGreaterThanOrEqual(1);
  expect(rows.every((row) => row.auditEvents === 1)).toBe(true);
  expect(rows.every((row) => /^AP-\d{4}-\d{6}$/.test(row.number))).toBe(true);
  expect(new Set(rows.map((row) => row.number)).size).toBe(COUNT);
});

test('statuses come in realistic proportions: mostly decided, every step of the workflow present', () => {
  const counts = byStatus();
  for (const status of APPEAL_STATUSES) expect(counts[status]).toBeGreaterThan(0);
  const decided = DECIDED_APPEAL_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  expect(decided / COUNT).toBeGreaterThan(0.8);
  expect(decided / COUNT).toBeLessThan(0.97);
  expect(Math.max(...Object.values(counts))).toBe(counts.closed);
  expect(counts.reopened).toBeLessThan(COUNT * 0.03);
  const openStates = new Set(rows.filter((row) => row.decidedAt === null).map((row) => row.slaState));
  expect(openStates).toEqual(new Set(['on_track', 'at_risk', 'breached', 'paused']));
});

test('the resolution rate (satisfied and partially satisfied over resolved and closed) is near 80 %', () => {
  const decided = rows.filter((row) => row.outcome !== null);
  const favourable = decided.filter((row) => FAVOURABLE_OUTCOMES.includes(row.outcome!));
  const rate = favourable.length / decided.length;
  expect(rate).toBeGreaterThan(0.7);
  expect(rate).toBeLessThan(0.9);
});

test('registration, deadline, warning and SLA state are what the SLA library computes', () => {
  for (const row of rows) {
    expect(row.registeredAt).toEqual(calendar.registration(row.receivedAt).registeredAt);
    if (row.status === 'reopened') expect(row.slaStartedAt.getTime()).toBeGreaterThan(row.registeredAt.getTime());
    else expect(row.slaStartedAt).toEqual(row.registeredAt);
    const pauses = row.slaPauses.map((pause) => ({
      from: new Date(pause.from),
      to: pause.to === null ? null : new Date(pause.to),
    }));
    const expected = computeDueAt({
      calendar,
      policy: row.policy,
      registeredAt: row.slaStartedAt,
      pauses,
      extensionDays: row.extensionDays,
    });
    expect({ number: row.number, dueAt: row.dueAt, warningAt: row.warningAt }).toEqual({
      number: row.number,
      ...expected,
    });
    expect(row.slaState).toBe(
      slaState({ now: NOW, ...expected, pausedSince: row.pausedSince, decidedAt: row.decidedAt }),
    );
    expect(row.decidedAt !== null).toBe(DECIDED_APPEAL_STATUSES.includes(row.status));
    if (row.decidedAt) expect(row.decidedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(row.pausedSince !== null).toBe(row.status === 'awaiting_info');
    if (row.pausedSince) expect(pauses.at(-1)).toEqual({ from: row.pausedSince, to: null });
  }
});

test('the SLA policy follows the kind and the step: crime reports, forwarding, the standard 15 days', () => {
  for (const row of rows) {
    const crime = row.kind === 'report' || row.categoryCode === 'corruption_report';
    const expected = crime ? 'crime_report' : row.status === 'forwarded' ? 'appeal_forward' : 'appeal_standard';
    expect(`${row.number} ${row.policyCode}`).toBe(`${row.number} ${expected}`);
    expect(row.forwardedToId !== null).toBe(row.status === 'forwarded');
    if (row.status === 'resolved' || row.status === 'closed') expect(row.resolutionText).toBeTruthy();
  }
});

test('applicants carry valid IINs or BINs; anonymous appeals carry none', () => {
  const named = rows.filter((row) => !row.anonymous);
  expect(named.length).toBeGreaterThan(COUNT * 0.8);
  expect(rows.some((row) => row.anonymous)).toBe(true);
  for (const row of named) {
    expect(row.applicantName).toBeTruthy();
    expect(row.applicantIin !== null || row.applicantBin !== null).toBe(true);
    if (row.applicantIin) expect(isValidIin(row.applicantIin)).toBe(true);
    if (row.applicantBin) expect(isValidBin(row.applicantBin)).toBe(true);
  }
  for (const row of rows.filter((r) => r.anonymous)) {
    expect([row.applicantName, row.applicantIin, row.applicantBin]).toEqual([null, null, null]);
  }
});

test('descriptions are written in Kazakh and in Russian', () => {
  const kazakh = rows.filter((row) => /[әғқңөұүһі]/i.test(row.description));
  expect(kazakh.length / COUNT).toBeGreaterThan(0.3);
  expect(kazakh.length / COUNT).toBeLessThan(0.8);
  expect(rows.every((row) => row.description.length >= 40)).toBe(true);
});

test('duplicates point at an earlier appeal of the same applicant about the same organisation within 30 days', () => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const duplicates = rows.filter((row) => row.duplicateOfId !== null);
  expect(duplicates.length).toBeGreaterThan(0);
  for (const duplicate of duplicates) {
    const original = byId.get(duplicate.duplicateOfId!)!;
    expect(original).toBeDefined();
    expect(duplicate.applicantIin ?? duplicate.applicantBin).toBe(original.applicantIin ?? original.applicantBin);
    expect(duplicate.organisationId).toBe(original.organisationId);
    const days = (duplicate.receivedAt.getTime() - original.receivedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThanOrEqual(DUPLICATE_WINDOW_DAYS);
  }
});

test('each appeal is registered by an officer of its region or by a national admin', () => {
  for (const row of rows) {
    const regional = row.registrarRole === 'officer' && row.registrarRegion === row.regionId;
    const national = row.registrarRole === 'admin' && row.registrarRegion === null;
    expect(regional || national).toBe(true);
  }
});
