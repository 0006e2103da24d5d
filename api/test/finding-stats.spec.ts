import { FINDING_KINDS } from '@adaldesk/libs';
import { daysFrom, expectStatus, makeOrganisation, makeUser, type Person, TODAY } from './inspection-fixtures.js';
import { bearer, startTestApp, type TestApp, unique } from './test-app.js';

/**
 * Findings by kind over HTTP: counted and summed to the tiyn in a region of the test's own, scoped by
 * the rules on findings, by period, with bad parameters refused by name.
 */
let t: TestApp;
let regionId: string;
let almatyId: string;
let inspector: Person;
let manager: Person;

beforeAll(async () => {
  t = await startTestApp();
  const suffix = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  const region = await t.http
    .post('/api/regions')
    .set(bearer(t.tokens.admin))
    .send({
      code: `KZ-F${suffix.slice(0, 5)}`,
      kind: 'oblast',
      nameKk: 'Тексеру',
      nameRu: 'Проверка',
      nameEn: 'Findings',
    });
  expectStatus(region, 201);
  regionId = region.body.id;
  almatyId = (await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`))[0].id;
  inspector = await makeUser(t, 'inspector', regionId);
  manager = await makeUser(t, 'manager', regionId);
  const school = await makeOrganisation(t, 'school', regionId);
  const planned = await t.http
    .post('/api/inspections')
    .set(bearer(inspector.token))
    .send({ type: 'school', organisationId: school, plannedStartOn: TODAY, plannedEndOn: daysFrom(1) });
  expectStatus(planned, 201);
  const started = await t.http
    .post(`/api/inspections/${planned.body.id}/actions/start`)
    .set(bearer(inspector.token))
    .send({ version: 1 });
  expectStatus(started, 200);
  const findings: [string, string | null][] = [
    ['capital_repair_funds_misuse', '45000000.05'],
    ['capital_repair_funds_misuse', '0.10'],
    ['capital_repair_funds_misuse', '0.20'],
    ['school_meals_violation', '1234567.89'],
    ['sanitary', null],
  ];
  for (const [kind, amount] of findings) {
    const logged = await t.http
      .post('/api/findings')
      .set(bearer(inspector.token))
      .send({
        inspectionId: planned.body.id,
        kind,
        severity: 'high',
        ...(amount === null ? {} : { amount }),
        description: `Тексеру нәтижесі ${unique()}`,
      });
    expectStatus(logged, 201);
  }
  // Many records made through the API, on a machine other test files share.
}, 120_000);
afterAll(() => t.close());

const findingStats = (token: string, query: Record<string, string> = {}) =>
  t.http.get('/api/stats/findings').query(query).set(bearer(token));

describe('findings by kind', () => {
  it('counts each kind and sums its amounts exactly, every kind listed', async () => {
    const response = await findingStats(manager.token, { from: TODAY, to: TODAY });
    expect(response.status).toBe(200);
    expect(response.body.kinds.map((row: { kind: string }) => row.kind)).toEqual([...FINDING_KINDS]);
    const byKind = Object.fromEntries(
      response.body.kinds.map((row: { kind: string; count: number; amount: string }) => [
        row.kind,
        [row.count, row.amount],
      ]),
    );
    // 45 000 000.05 + 0.10 + 0.20, which binary floating point would not give.
    expect(byKind.capital_repair_funds_misuse).toEqual([3, '45000000.35']);
    expect(byKind.school_meals_violation).toEqual([1, '1234567.89']);
    expect(byKind.sanitary).toEqual([1, '0.00']);
    expect(byKind.price_gouging).toEqual([0, '0.00']);
    expect(response.body.total).toEqual({ count: 5, amount: '46234568.24' });
  });

  it('counts by the day each finding was logged: an earlier period has none', async () => {
    const response = await findingStats(manager.token, { from: daysFrom(-30), to: daysFrom(-1) });
    expect(response.body.total).toEqual({ count: 0, amount: '0.00' });
  });

  it('is scoped: a national user narrows to the region, another region’s manager is refused it', async () => {
    const admin = await findingStats(t.tokens.admin, { regionId, from: TODAY, to: TODAY });
    expect(admin.body.total).toEqual({ count: 5, amount: '46234568.24' });
    const auditor = await findingStats(t.tokens.auditor, { regionId, from: TODAY, to: TODAY });
    expect(auditor.body.total.count).toBe(5);
    const other = await findingStats(t.tokens.manager, { regionId });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/own region/);
    const almaty = await findingStats(t.tokens.manager, { from: TODAY, to: TODAY });
    expect(almaty.status).toBe(200);
    const mine = await findingStats(manager.token, { regionId: almatyId });
    expect(mine.status).toBe(403);
  });

  it('refuses bad parameters naming them', async () => {
    const response = await findingStats(manager.token, { from: '2026-13-01', regionId: 'nope', kind: 'sanitary' });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'kind', 'regionId']);
  });
});
