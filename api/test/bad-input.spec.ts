import { JwtService } from '@nestjs/jwt';
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

/**
 * Issue 14: input JavaScript takes and PostgreSQL refuses, or that trips JavaScript itself, is a 400
 * naming the field on every road in (lists, exports, statistics, bodies, sign-in), and the API keeps
 * answering.
 */
describe('hostile input', () => {
  const asAdmin = () => bearer(t.tokens.admin);
  const fieldsOf = (response: { body: { details?: { field: string }[] } }) =>
    (response.body.details ?? []).map((detail) => detail.field);
  const expect400Naming = (response: { status: number; body: { details?: { field: string }[] } }, field: string) => {
    expect({ status: response.status, fields: fieldsOf(response) }).toEqual({
      status: 400,
      fields: expect.arrayContaining([field]),
    });
  };

  afterEach(async () => {
    const started = Date.now();
    expect((await t.http.get('/api/health')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a statistics period reaching year 9999 is a 400 at once, not a frozen API', async () => {
    for (const path of ['report', 'trend', 'overview', 'breakdown?dimension=month', 'findings', 'referral-funnel']) {
      for (const role of ['manager', 'auditor', 'admin'] as const) {
        const started = Date.now();
        const response = await t.http.get(`/api/stats/${path}`).query({ to: '9999-12-31' }).set(bearer(t.tokens[role]));
        expect400Naming(response, 'to');
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    }
  });

  test('a statistics period longer than five years is a 400 naming from', async () => {
    const response = await t.http
      .get('/api/stats/trend')
      .query({ from: '2000-01-01', to: '2026-12-31' })
      .set(bearer(t.tokens.manager));
    expect400Naming(response, 'from');
  });

  test.each(['2026-02-30', '0000-01-01', '+275760-09-13', '1 1'])(
    'the date %j is a 400 in list filters, exports, statistics and the deadline preview',
    async (date) => {
      const filter = (name: string) => ({ filter: JSON.stringify({ [name]: date }) });
      expect400Naming(
        await t.http.get('/api/calendar-days').query(filter('date_gte')).set(asAdmin()),
        'filter.date_gte',
      );
      expect400Naming(
        await t.http.get('/api/notifications').query(filter('createdAt_lte')).set(asAdmin()),
        'filter.createdAt_lte',
      );
      const exported = await t.http.get('/api/calendar-days/export').query(filter('date')).set(asAdmin());
      expect400Naming(exported, 'filter.date');
      expect(exported.headers['content-type']).toMatch(/application\/json/);
      expect400Naming(await t.http.get('/api/stats/overview').query({ from: date }).set(asAdmin()), 'from');
      expect400Naming(
        await t.http.get('/api/appeals/deadline').query({ receivedAt: date }).set(bearer(t.tokens.officer)),
        'receivedAt',
      );
    },
  );

  test('a date PostgreSQL would refuse is a 400 in a body too', async () => {
    for (const date of ['2026-02-30', '0000-01-01']) {
      const response = await t.http
        .post('/api/calendar-days')
        .set(asAdmin())
        .send({ date, kind: 'holiday', nameKk: 'Мереке', nameRu: 'Праздник', nameEn: 'Holiday' });
      expect400Naming(response, 'date');
    }
  });

  test('a NUL character is a 400 in filters, q, exports, query parameters and bodies', async () => {
    expect400Naming(
      await t.http.get('/api/regions').query({ filter: '{"code":"KZ\\u0000"}' }).set(asAdmin()),
      'filter.code',
    );
    expect400Naming(
      await t.http.get('/api/appeals').query({ filter: '{"q":"bribe\\u0000"}' }).set(bearer(t.tokens.officer)),
      'filter.q',
    );
    const exported = await t.http.get('/api/regions/export').query({ filter: '{"code":"\\u0000"}' }).set(asAdmin());
    expect400Naming(exported, 'filter.code');
    expect400Naming(await t.http.get('/api/stats/overview').query({ regionId: 'x\u0000' }).set(asAdmin()), 'regionId');
    const before = await countRows();
    expect400Naming(
      await t.http
        .post('/api/regions')
        .set(asAdmin())
        .send({ code: 'KZ-99', kind: 'oblast', nameKk: 'А\u0000б', nameRu: 'Аб', nameEn: 'Ab' }),
      'nameKk',
    );
    expect(await countRows()).toBe(before);
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'the built-in name %s as a filter key is a 400 naming it',
    async (name) => {
      for (const resource of ['regions', 'appeals', 'audit-events']) {
        const query = { filter: `{"${name}":"x"}` };
        expect400Naming(await t.http.get(`/api/${resource}`).query(query).set(asAdmin()), `filter.${name}`);
        expect400Naming(await t.http.get(`/api/${resource}/export`).query(query).set(asAdmin()), `filter.${name}`);
      }
    },
  );

  test('an object carrying a constructor key in a body is a 400, at sign-in without a token too', async () => {
    expect400Naming(
      await t.http.post('/api/auth/login').send({ email: { constructor: 1 }, password: 'x' }),
      'email.constructor',
    );
    expect400Naming(
      await t.http.post('/api/auth/login').send({ email: 'a@b.kz', password: { constructor: { name: 'x' } } }),
      'password.constructor',
    );
    expect400Naming(
      await t.http
        .post('/api/regions')
        .set(asAdmin())
        .send({ code: 'KZ-98', nameEn: { constructor: {} } }),
      'nameEn.constructor',
    );
    expect400Naming(
      await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"a@b.kz","password":"x","__proto__":{"admin":true}}'),
      '__proto__',
    );
  });

  test('JSON nested thousands of levels deep is a 400, in a body and in a filter', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const login = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(`{"email":${deep},"password":"x"}`);
    expect(login.status).toBe(400);
    expect(login.body.message).toMatch(/nested too deeply/);
    const list = await t.http
      .get('/api/regions')
      // A thousand levels: far past any bound, and still within the length of a URL.
      .query({ filter: `{"id":${'['.repeat(1_000)}${']'.repeat(1_000)}}` })
      .set(asAdmin());
    expect(list.status).toBe(400);
  });

  test('lone surrogate characters are a 400 in bodies and filters', async () => {
    expect400Naming(
      await t.http
        .post('/api/regions')
        .set(asAdmin())
        .send({ code: 'KZ-97', kind: 'oblast', nameKk: 'Аб', nameRu: 'Аб', nameEn: 'A\uD800b' }),
      'nameEn',
    );
    expect400Naming(
      await t.http.get('/api/appeals').query({ filter: '{"q":"\\udc00"}' }).set(bearer(t.tokens.officer)),
      'filter.q',
    );
    expect400Naming(await t.http.post('/api/auth/login').send({ email: '\uD83D@x.kz', password: 'x' }), 'email');
  });

  test('a correctly signed token whose subject is not a user id is a 401', async () => {
    const jwt = t.app.get(JwtService, { strict: false });
    for (const sub of ['not-a-uuid', '1', "' OR 1=1 --", 42]) {
      const token = await jwt.signAsync({ sub, role: 'admin', sv: 0 });
      const response = await t.http.get('/api/auth/me').set(bearer(token));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });
});
