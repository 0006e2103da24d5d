import { withCheckDigit } from '@adaldesk/libs';
import { AppealStatsRollupJob } from '../src/stats/jobs/appeal-stats-rollup.job.js';
import { bearer, login, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * A confidential appeal is read by the officer who registered it, its assignee, its region's managers
 * and admins, and by nobody else on any road: its own list, record, search, export and timeline; the
 * audit trail; the records linked to it (a referral, a finding, a later appeal of the same applicant),
 * which stay visible without the link and the text retold from the appeal; notifications; statistics.
 */
const VIEWERS = [
  'registrar',
  'assignee',
  'otherOfficer',
  'manager',
  'otherRegionManager',
  'inspector',
  'regionalAuditor',
  'nationalAuditor',
  'admin',
] as const;
type Viewer = (typeof VIEWERS)[number];

/** Who may read the confidential appeal. */
const MAY_READ: Record<Viewer, boolean> = {
  registrar: true,
  assignee: true,
  otherOfficer: false,
  manager: true,
  otherRegionManager: false,
  inspector: false,
  regionalAuditor: false,
  nationalAuditor: false,
  admin: true,
};
/** Who reads records of Almaty (the region of every record here) at all. */
const IN_SCOPE: Record<Viewer, boolean> = { ...mapViewers(() => true), otherRegionManager: false };

const PASSWORD = 'Confidential-pass-2026';

let t: TestApp;
const tokens = {} as Record<Viewer, string>;
const userIds = {} as Record<Viewer, string>;
let almatyId: string;
let tag: string;
let confidential: { id: string; number: string; version: number };
let duplicate: { id: string };
let referral: { id: string };
let finding: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  const one = async (sql: string) => ((await t.dataSource.query(sql)) as { id: string }[])[0].id;
  almatyId = await one(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const astanaId = await one(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  const schoolId = await one(`SELECT id FROM organisations WHERE name = '№ 45 жалпы білім беретін мектеп'`);
  tokens.registrar = t.tokens.officer;
  tokens.manager = t.tokens.manager;
  tokens.inspector = t.tokens.inspector;
  tokens.nationalAuditor = t.tokens.auditor;
  tokens.admin = t.tokens.admin;
  const demo = (role: string) => one(`SELECT id FROM users WHERE email = '${role}@demo.adaldesk.kz'`);
  userIds.registrar = await demo('officer');
  userIds.manager = await demo('manager');
  const made: [Viewer, string, string][] = [
    ['assignee', 'officer', almatyId],
    ['otherOfficer', 'officer', almatyId],
    ['otherRegionManager', 'manager', astanaId],
    ['regionalAuditor', 'auditor', almatyId],
  ];
  for (const [viewer, role, regionId] of made) {
    const email = `confidential-${viewer.toLowerCase()}-${unique()}@example.kz`;
    const created = await t.http
      .post('/api/users')
      .set(bearer(t.tokens.admin))
      .send({ email, fullName: `Confidential ${viewer}`, role, regionId, password: PASSWORD });
    expect(created.status).toBe(201);
    userIds[viewer] = created.body.id;
    tokens[viewer] = await login(t.http, email, PASSWORD);
  }

  tag = `whistle${unique()}`;
  const iin = randomIin();
  const appeal = (overrides: Record<string, unknown>) => ({
    channel: 'reception',
    kind: 'report',
    regionId: almatyId,
    organisationId: schoolId,
    applicantName: 'Сақтаулы Өтініш Беруші',
    applicantIin: iin,
    ...overrides,
  });
  const registered = await t.http
    .post('/api/appeals')
    .set(bearer(tokens.registrar))
    .send(
      appeal({
        confidential: true,
        assigneeId: userIds.assignee,
        receivedAt: '2026-11-16T10:00:00+05:00',
        description: `${tag}: the director takes bribes for admissions`,
      }),
    );
  expect(registered.status).toBe(201);
  confidential = registered.body;
  // The same applicant about the same school, registered by an officer who may not read the first.
  const again = await t.http
    .post('/api/appeals')
    .set(bearer(tokens.otherOfficer))
    .send(appeal({ receivedAt: '2026-11-18T10:00:00+05:00', description: `A repeat about the school ${unique()}` }));
  expect(again.status).toBe(201);
  duplicate = again.body;
  const [stored] = await t.dataSource.query(`SELECT duplicate_of_id AS "duplicateOfId" FROM appeals WHERE id = $1`, [
    duplicate.id,
  ]);
  expect(stored.duplicateOfId).toBe(confidential.id);

  const referred = await t.http
    .post('/api/referrals')
    .set(bearer(tokens.registrar))
    .send({
      agency: 'anti_corruption',
      appealId: confidential.id,
      summary: `${tag} retold: bribes for admissions`,
      description: `${tag} the details of the report`,
    });
  expect(referred.status).toBe(201);
  referral = referred.body;

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
  const inspection = await t.http
    .post('/api/inspections')
    .set(bearer(t.tokens.admin))
    .send({
      type: 'school',
      organisationId: schoolId,
      plannedStartOn: today,
      plannedEndOn: today,
      leadInspectorId: await demo('inspector'),
    });
  expect(inspection.status).toBe(201);
  const found = await t.http
    .post('/api/findings')
    .set(bearer(tokens.manager))
    .send({
      inspectionId: inspection.body.id,
      kind: 'other',
      severity: 'high',
      description: `Admissions paid for ${unique()}`,
      appealId: confidential.id,
    });
  expect(found.status).toBe(201);
  finding = found.body;
}, 120_000);
afterAll(() => t.close());

function mapViewers<T>(value: (viewer: Viewer) => T): Record<Viewer, T> {
  return Object.fromEntries(VIEWERS.map((viewer) => [viewer, value(viewer)])) as Record<Viewer, T>;
}

/** A valid IIN of a person born in 1977, different on every run. */
function randomIin(): string {
  for (;;) {
    const iin = withCheckDigit(`7705123${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`);
    if (iin) return iin;
  }
}

const get = (viewer: Viewer, path: string, query: Record<string, unknown> = {}) =>
  t.http
    .get(path)
    .query(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, JSON.stringify(value)])))
    .set(bearer(tokens[viewer]));

/** The text of an answer, CSV or JSON, or `refused` (403) / `missing` (404). */
async function text(viewer: Viewer, path: string, query: Record<string, unknown> = {}): Promise<string> {
  const response = await get(viewer, path, query);
  if (response.status === 403) return 'refused';
  if (response.status === 404) return 'missing';
  expect(response.status).toBe(200);
  return response.type === 'text/csv' ? response.text : JSON.stringify(response.body);
}

/** What the viewer learns of the confidential appeal from a text: its id, number or the words retold from it. */
const reveals = (answer: string) =>
  answer === 'refused' || answer === 'missing'
    ? answer
    : answer.includes(confidential.id) || answer.includes(confidential.number) || answer.includes(tag);

test('the appeal itself: list, record, search, export and timeline', async () => {
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const list = await get(viewer, '/api/appeals', { filter: { id: [confidential.id] } });
    observed[viewer] = {
      list: list.body.length,
      record: (await get(viewer, `/api/appeals/${confidential.id}`)).status,
      search: reveals(await text(viewer, '/api/appeals', { filter: { q: tag } })),
      export: reveals(await text(viewer, '/api/appeals/export', { filter: { q: tag } })),
      timeline: (await get(viewer, `/api/appeals/${confidential.id}/timeline`)).status,
    };
  }
  expect(observed).toEqual(
    mapViewers((viewer) => ({
      list: MAY_READ[viewer] ? 1 : 0,
      record: MAY_READ[viewer] ? 200 : 404,
      search: MAY_READ[viewer],
      // Inspectors export no appeals.
      export: viewer === 'inspector' ? 'refused' : MAY_READ[viewer],
      timeline: MAY_READ[viewer] ? 200 : 404,
    })),
  );
});

test('a later appeal of the same applicant links to the confidential one only for its readers', async () => {
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const record = await get(viewer, `/api/appeals/${duplicate.id}`);
    const byLink = await get(viewer, '/api/appeals', { filter: { duplicateOfId: confidential.id } });
    observed[viewer] = {
      record: record.status === 200 ? 'duplicateOfId' in record.body : record.status,
      list: reveals(await text(viewer, '/api/appeals', { filter: { id: [duplicate.id] } })),
      filteredByLink: byLink.body.length,
      export: reveals(await text(viewer, '/api/appeals/export', { filter: { id: [duplicate.id] } })),
      timeline: reveals(await text(viewer, `/api/appeals/${duplicate.id}/timeline`)),
    };
  }
  expect(observed).toEqual(
    mapViewers((viewer) => ({
      record: IN_SCOPE[viewer] ? MAY_READ[viewer] : 404,
      list: MAY_READ[viewer],
      filteredByLink: MAY_READ[viewer] ? 1 : 0,
      export: viewer === 'inspector' ? 'refused' : MAY_READ[viewer],
      timeline: IN_SCOPE[viewer] ? MAY_READ[viewer] : 'missing',
    })),
  );
  // Inspectors and auditors never see the link, even between appeals they may read.
  for (const viewer of ['inspector', 'regionalAuditor', 'nationalAuditor'] as const) {
    const rows = (await get(viewer, '/api/appeals', { range: [0, 99] })).body as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => 'duplicateOfId' in row)).toEqual([]);
  }
});

test('the audit trail: an appeal’s events follow the appeal, linked records’ events lose the link', async () => {
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const ofAppeal = { filter: { entityType: 'appeals', entityId: confidential.id } };
    const list = await get(viewer, '/api/audit-events', ofAppeal);
    const linked = [
      ['appeals', duplicate.id],
      ['referrals', referral.id],
      ['findings', finding.id],
    ].map(([entityType, entityId]) => ({ filter: { entityType, entityId }, range: [0, 99] }));
    observed[viewer] = {
      events: list.status === 200 ? list.body.length > 0 : list.status,
      export: reveals(await text(viewer, '/api/audit-events/export', ofAppeal)),
      wholeTrail: reveals(await text(viewer, '/api/audit-events', { range: [0, 999] })),
      linkedEvents: await Promise.all(
        linked.map(async (query) => reveals(await text(viewer, '/api/audit-events', query))),
      ),
      linkedExports: await Promise.all(
        linked.map(async ({ filter }) => reveals(await text(viewer, '/api/audit-events/export', { filter }))),
      ),
    };
  }
  // Officers and inspectors read no audit trail; a manager reads their region's, under the same rules.
  const readsTrail = (viewer: Viewer) => !['registrar', 'assignee', 'otherOfficer', 'inspector'].includes(viewer);
  expect(observed).toEqual(
    mapViewers((viewer) => {
      if (!readsTrail(viewer)) {
        const refused = ['refused', 'refused', 'refused'];
        return { events: 403, export: 'refused', wholeTrail: 'refused', linkedEvents: refused, linkedExports: refused };
      }
      const reads = MAY_READ[viewer];
      return {
        events: reads,
        export: reads,
        // The newest thousand events of a busy trail need not reach back to this appeal's.
        wholeTrail: reads ? expect.any(Boolean) : false,
        linkedEvents: [reads, reads, reads],
        linkedExports: [reads, reads, reads],
      };
    }),
  );
});

test('a referral from the confidential appeal stays, without its link and retold text', async () => {
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const record = await get(viewer, `/api/referrals/${referral.id}`);
    observed[viewer] = {
      record:
        record.status === 200
          ? Object.keys(record.body).filter((field) => /appealId|summary|description/.test(field))
          : record.status,
      list: reveals(await text(viewer, '/api/referrals', { filter: { id: [referral.id] } })),
      filteredByAppeal: (await get(viewer, '/api/referrals', { filter: { appealId: confidential.id } })).body.length,
      search: (await get(viewer, '/api/referrals', { filter: { q: tag } })).body.length,
      export: reveals(await text(viewer, '/api/referrals/export', { filter: { id: [referral.id] } })),
      timeline: reveals(await text(viewer, `/api/referrals/${referral.id}/timeline`)),
    };
  }
  expect(observed).toEqual(
    mapViewers((viewer) => {
      if (!IN_SCOPE[viewer]) {
        return { record: 404, list: false, filteredByAppeal: 0, search: 0, export: false, timeline: 'missing' };
      }
      const reads = MAY_READ[viewer];
      return {
        // The referral itself stays visible to everyone in scope.
        record: reads ? ['appealId', 'summary', 'description'] : [],
        list: reads,
        filteredByAppeal: reads ? 1 : 0,
        search: reads ? 1 : 0,
        export: viewer === 'inspector' ? 'refused' : reads,
        timeline: reads,
      };
    }),
  );
});

test('whoever does not see the retold text may not overwrite it, but may correct the rest', async () => {
  const put = async (viewer: Viewer, changes: Record<string, unknown>) => {
    const current = await get(viewer, `/api/referrals/${referral.id}`);
    return t.http
      .put(`/api/referrals/${referral.id}`)
      .set(bearer(tokens[viewer]))
      .send({ version: current.body.version, ...changes });
  };
  const blind = await put('otherOfficer', { summary: 'Overwritten by someone who never read it' });
  expect(blind.status).toBe(403);
  expect(blind.body.details).toEqual([
    { field: 'summary', message: 'may be changed only by those who may read the appeal' },
  ]);
  expect(await text('registrar', `/api/referrals/${referral.id}`)).toContain(`${tag} retold`);
  // What the officer does see stays theirs to correct.
  expect((await put('otherOfficer', { agencyName: `Department ${unique()}` })).status).toBe(200);
  // The appeal's readers may still rewrite it.
  const reader = await put('registrar', { summary: `${tag} retold again: bribes for admissions` });
  expect(reader.status).toBe(200);
  expect(reader.body.summary).toBe(`${tag} retold again: bribes for admissions`);
});

test('a finding linked to the confidential appeal stays, without the link', async () => {
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const record = await get(viewer, `/api/findings/${finding.id}`);
    observed[viewer] = {
      record: record.status === 200 ? 'appealId' in record.body : record.status,
      list: reveals(await text(viewer, '/api/findings', { filter: { id: [finding.id] } })),
      filteredByAppeal: (await get(viewer, '/api/findings', { filter: { appealId: confidential.id } })).body.length,
      export: reveals(await text(viewer, '/api/findings/export', { filter: { id: [finding.id] } })),
    };
  }
  expect(observed).toEqual(
    mapViewers((viewer) => {
      if (!IN_SCOPE[viewer]) return { record: 404, list: false, filteredByAppeal: 0, export: false };
      const reads = MAY_READ[viewer];
      return { record: reads, list: reads, filteredByAppeal: reads ? 1 : 0, export: reads };
    }),
  );
});

test('a notification names the appeal’s number only while its reader may read the appeal', async () => {
  const registered = await t.http
    .post('/api/appeals')
    .set(bearer(tokens.registrar))
    .send({
      channel: 'reception',
      kind: 'report',
      regionId: almatyId,
      confidential: true,
      anonymous: true,
      assigneeId: userIds.otherOfficer,
      receivedAt: '2026-11-17T10:00:00+05:00',
      description: `A second confidential report ${unique()}`,
    });
  expect(registered.status).toBe(201);
  const inbox = async (viewer: Viewer) =>
    (await get(viewer, '/api/notifications', { filter: { entityId: registered.body.id } })).body as {
      id: string;
      data: Record<string, unknown>;
    }[];
  const [before] = await inbox('otherOfficer');
  expect(before.data.number).toBe(registered.body.number);

  // Reassigned, the former assignee no longer reads the appeal: the message stays, the number goes.
  const reassigned = await t.http
    .put(`/api/appeals/${registered.body.id}`)
    .set(bearer(tokens.manager))
    .send({ version: registered.body.version, assigneeId: userIds.assignee });
  expect(reassigned.status).toBe(200);
  // The assignee may meanwhile have heard of the appeal's SLA too: the message looked at is the same one.
  const after = (await inbox('otherOfficer')).find((notification) => notification.id === before.id)!;
  expect(after.id).toBe(before.id);
  expect(after.data).not.toHaveProperty('number');
  const one = await get('otherOfficer', `/api/notifications/${before.id}`);
  expect(one.body.data).not.toHaveProperty('number');
  const [assigned] = await inbox('assignee');
  expect(assigned.data.number).toBe(registered.body.number);
});

test('statistics count the confidential appeal only for its readers, and never name it', async () => {
  await t.app.get(AppealStatsRollupJob).fold({ wait: true });
  const observed = mapViewers(() => ({}) as Record<string, unknown>);
  for (const viewer of VIEWERS) {
    const response = await t.http
      .get('/api/stats/breakdown')
      .query({ dimension: 'assignee', from: '2026-11-01', to: '2026-11-30' })
      .set(bearer(tokens[viewer]));
    const rows = (response.status === 200 ? response.body.rows : []) as { key: string | null; open: number }[];
    const assigneeRow = rows.find((row) => row.key === userIds.assignee);
    observed[viewer] = {
      status: response.status,
      countsIt: (assigneeRow?.open ?? 0) > 0,
      names: response.status === 200 ? reveals(JSON.stringify(response.body)) : 'refused',
    };
  }
  // Appeal figures are for managers, auditors and admins; officers and inspectors work cases.
  const readsStats = (viewer: Viewer) => !['registrar', 'assignee', 'otherOfficer', 'inspector'].includes(viewer);
  expect(observed).toEqual(
    mapViewers((viewer) => ({
      status: readsStats(viewer) ? 200 : 403,
      countsIt: readsStats(viewer) && IN_SCOPE[viewer] && MAY_READ[viewer],
      names: readsStats(viewer) ? false : 'refused',
    })),
  );
});
