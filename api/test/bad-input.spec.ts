import { bearer, startTestApp, type TestApp } from './test-app.js';

/**
 * Every endpoint answers bad input with a 4xx and a message naming what is wrong, never a 500, and
 * leaves nothing behind.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const WRITABLE = ['users', 'regions', 'organisations', 'categories', 'sla-policies', 'calendar-days'];
const LISTS = [...WRITABLE, 'audit-events'];
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function countRows(): Promise<number> {
  const [row] = await t.dataSource.query(`
    SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM regions) + (SELECT count(*) FROM organisations)
         + (SELECT count(*) FROM categories) + (SELECT count(*) FROM sla_policies) + (SELECT count(*) FROM calendar_days) AS total`);
  return Number(row.total);
}

describe.each(WRITABLE)('%s', (resource) => {
  const post = (body: string | object) =>
    t.http.post(`/api/${resource}`).set(bearer(t.tokens.admin)).set('Content-Type', 'application/json').send(body);

  test('broken JSON is 400', async () => {
    const response = await post('{"name": "unterminated');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/JSON/),
    });
  });

  test('a body that is not an object is 400', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const response = await post(body);
      expect(response.status).toBe(400);
    }
  });

  test('an empty object is 400 naming the required fields', async () => {
    const response = await post({});
    expect(response.status).toBe(400);
    expect(response.body.details.length).toBeGreaterThan(0);
    for (const detail of response.body.details)
      expect(detail).toEqual({ field: expect.any(String), message: expect.any(String) });
  });

  test('unknown fields and wrong types are 400 naming each field', async () => {
    const response = await post({
      sneaky: true,
      id: 5,
      version: 'one',
      code: 42,
      name: ['x'],
      email: 7,
      date: 'tomorrow',
    });
    expect(response.status).toBe(400);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('sneaky');
  });

  test('huge strings are 400 (or 413 when the body is over the limit), never stored', async () => {
    const before = await countRows();
    const long = 'ж'.repeat(20_000);
    const response = await post({
      name: long,
      code: long,
      nameKk: long,
      nameRu: long,
      nameEn: long,
      fullName: long,
      email: `${long}@x.kz`,
    });
    expect(response.status).toBe(400);
    const tooLarge = await post({ name: 'x'.repeat(2_000_000) });
    expect(tooLarge.status).toBe(413);
    expect(await countRows()).toBe(before);
  });

  test('unknown and malformed ids are 404', async () => {
    for (const id of [MISSING_ID, 'not-an-id', '1', "1' OR '1'='1"]) {
      expect((await t.http.get(`/api/${resource}/${encodeURIComponent(id)}`).set(bearer(t.tokens.admin))).status).toBe(
        404,
      );
      const put = await t.http
        .put(`/api/${resource}/${encodeURIComponent(id)}`)
        .set(bearer(t.tokens.admin))
        .send({ version: 1 });
      expect(put.status).toBe(404);
    }
  });

  test('an update without a version is 400 naming it', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM ${resource.replace('-', '_')} LIMIT 1`);
    const response = await t.http.put(`/api/${resource}/${row.id}`).set(bearer(t.tokens.admin)).send({});
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'version' })]));
  });
});

describe.each(LISTS)('%s list', (resource) => {
  const list = (query: Record<string, string>) =>
    t.http.get(`/api/${resource}`).query(query).set(bearer(t.tokens.admin));

  test.each([
    [{ sort: 'not json' }, 'sort'],
    [{ sort: '["passwordHash","ASC"]' }, 'sort'],
    [{ sort: '["id","SIDEWAYS"]' }, 'sort'],
    [{ range: '[10,0]' }, 'range'],
    [{ range: '[-1,5]' }, 'range'],
    [{ range: '[0,100000]' }, 'range'],
    [{ range: '["a","b"]' }, 'range'],
    [{ filter: '[1,2]' }, 'filter'],
    [{ filter: '{"passwordHash":"x"}' }, 'filter.passwordHash'],
    [{ filter: '{"id":"not-a-uuid"}' }, 'filter.id'],
    [{ filter: '{"id":["x","y"]}' }, 'filter.id'],
    [{ page: '2' }, 'page'],
  ])('%j is 400 naming %s', async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});

test('unknown routes are a 404 in the error shape', async () => {
  const response = await t.http.get('/api/no-such-thing').set(bearer(t.tokens.admin));
  expect(response.status).toBe(404);
  expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
});

test('a wrong content type is refused, not half-read', async () => {
  const response = await t.http
    .post('/api/regions')
    .set(bearer(t.tokens.admin))
    .set('Content-Type', 'text/plain')
    .send('code=KZ-99');
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
});

test('login with broken input is 400 naming the fields', async () => {
  const response = await t.http.post('/api/auth/login').send({ email: 5 });
  expect(response.status).toBe(400);
  expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(
    expect.arrayContaining(['email', 'password']),
  );
});
