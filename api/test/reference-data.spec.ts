import { bearer, startTestApp, type TestApp, unique } from './test-app.js';

let t: TestApp;
let almatyId: string;

beforeAll(async () => {
  t = await startTestApp();
  [{ id: almatyId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
});
afterAll(() => t.close());

describe('the seeded reference data', () => {
  test('all 17 oblasts and the 3 cities of republican significance', async () => {
    const response = await t.http.get('/api/regions').query({ range: '[0,99]' }).set(bearer(t.tokens.officer));
    expect(response.status).toBe(200);
    // Other test files add regions of their own meanwhile: look at the ISO-coded ones.
    const seeded = response.body.filter((r: { code: string }) => /^KZ-\d{2}$/.test(r.code));
    expect(seeded.filter((r: { kind: string }) => r.kind === 'oblast')).toHaveLength(17);
    expect(
      seeded
        .filter((r: { kind: string }) => r.kind === 'city')
        .map((r: { nameEn: string }) => r.nameEn)
        .sort(),
    ).toEqual(['Almaty', 'Astana', 'Shymkent']);
  });

  test('every category has its SLA policy; the standard appeal policy is 15 working days', async () => {
    const categories = await t.http.get('/api/categories').query({ range: '[0,99]' }).set(bearer(t.tokens.officer));
    const policies = await t.http.get('/api/sla-policies').query({ range: '[0,99]' }).set(bearer(t.tokens.officer));
    const policyIds = new Set(policies.body.map((p: { id: string }) => p.id));
    expect(categories.body.length).toBeGreaterThan(5);
    for (const category of categories.body) expect(policyIds.has(category.slaPolicyId)).toBe(true);
    expect(policies.body.find((p: { code: string }) => p.code === 'appeal_standard')).toMatchObject({
      goalAmount: 15,
      goalUnit: 'working_days',
    });
    expect(policies.body.find((p: { code: string }) => p.code === 'appeal_forward')).toMatchObject({
      goalAmount: 3,
      goalUnit: 'working_days',
    });
  });

  test('the working calendar holds Nauryz 2026 and every year from 2025 to 2027', async () => {
    const nauryz = await t.http
      .get('/api/calendar-days')
      .query({ filter: JSON.stringify({ date_gte: '2026-03-21', date_lte: '2026-03-31' }), sort: '["date","ASC"]' })
      .set(bearer(t.tokens.officer));
    expect(nauryz.status).toBe(200);
    const dates = nauryz.body.map((d: { date: string }) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-03-21', '2026-03-22', '2026-03-23']));
    for (const year of [2025, 2026, 2027]) {
      const newYear = await t.http
        .get('/api/calendar-days')
        .query({ filter: JSON.stringify({ date: `${year}-01-01` }) })
        .set(bearer(t.tokens.officer));
      expect(newYear.body).toEqual([expect.objectContaining({ date: `${year}-01-01`, kind: 'holiday' })]);
    }
  });
});

describe('the react-admin list contract', () => {
  test('sort, range and Content-Range', async () => {
    const response = await t.http
      .get('/api/regions')
      .query({ sort: '["nameEn","DESC"]', range: '[0,4]' })
      .set(bearer(t.tokens.officer));
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(5);
    const total = Number(response.headers['content-range'].split('/')[1]);
    expect(response.headers['content-range']).toBe(`regions 0-4/${total}`);
    expect(total).toBeGreaterThanOrEqual(20);
    const names = response.body.map((r: { nameEn: string }) => r.nameEn);
    expect([...names].sort().reverse()).toEqual(names);
  });

  test('a page past the end is empty with the right total', async () => {
    const response = await t.http.get('/api/sla-policies').query({ range: '[500,524]' }).set(bearer(t.tokens.officer));
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
    expect(response.headers['content-range']).toMatch(/^sla-policies 500-500\/\d+$/);
  });

  test('filter by field, by several ids (getMany) and q', async () => {
    const cities = await t.http.get('/api/regions').query({ filter: '{"kind":"city"}' }).set(bearer(t.tokens.officer));
    expect(cities.body.length).toBeGreaterThanOrEqual(3);
    expect(cities.body.every((r: { kind: string }) => r.kind === 'city')).toBe(true);

    const ids = cities.body.slice(0, 2).map((r: { id: string }) => r.id);
    const many = await t.http
      .get('/api/regions')
      .query({ filter: JSON.stringify({ id: ids }) })
      .set(bearer(t.tokens.officer));
    expect(many.body.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());

    const search = await t.http.get('/api/regions').query({ filter: '{"q":"Шымкент"}' }).set(bearer(t.tokens.officer));
    expect(search.body.map((r: { code: string }) => r.code)).toEqual(['KZ-79']);
  });

  test('the Content-Range header is readable by the browser', async () => {
    const response = await t.http
      .get('/api/regions')
      .set(bearer(t.tokens.officer))
      .set('Origin', 'http://localhost:3000');
    expect(response.status).toBe(200);
  });
});

describe('writes', () => {
  test('create, update with version, stale version 409, delete; each change in the audit trail', async () => {
    const created = await t.http
      .post('/api/organisations')
      .set(bearer(t.tokens.admin))
      .send({ name: `School ${unique()}`, type: 'school', regionId: almatyId, address: 'Алматы қ.' });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);

    const updated = await t.http
      .put(`/api/organisations/${created.body.id}`)
      .set(bearer(t.tokens.admin))
      .send({ ...created.body, name: 'Renamed school', version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed school', version: 2 });

    const stale = await t.http
      .put(`/api/organisations/${created.body.id}`)
      .set(bearer(t.tokens.admin))
      .send({ name: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual({ currentVersion: 2 });

    const removed = await t.http.delete(`/api/organisations/${created.body.id}`).set(bearer(t.tokens.admin));
    expect(removed.status).toBe(200);
    expect((await t.http.get(`/api/organisations/${created.body.id}`).set(bearer(t.tokens.admin))).status).toBe(404);

    const events = await t.dataSource.query(
      `SELECT action, before, after, actor_role, request_id FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(events[1].before).toEqual({ name: created.body.name });
    expect(events[1].after).toEqual({ name: 'Renamed school' });
    expect(
      events.every((e: { actor_role: string; request_id: string }) => e.actor_role === 'admin' && e.request_id),
    ).toBe(true);
  });

  test('the caller’s X-Request-Id is kept in the audit trail', async () => {
    const requestId = `req-${unique()}`;
    const created = await t.http
      .post('/api/categories')
      .set(bearer(t.tokens.admin))
      .set('X-Request-Id', requestId)
      .send({
        code: `req_${unique()}`,
        nameKk: 'Сынақ',
        nameRu: 'Тест',
        nameEn: 'Test',
        slaPolicyId: (await policy()).id,
      });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    const [event] = await t.dataSource.query(`SELECT request_id FROM audit_events WHERE entity_id = $1`, [
      created.body.id,
    ]);
    expect(event.request_id).toBe(requestId);
  });

  test('a duplicate unique value is 409 naming the field; a dangling reference is 400 naming it', async () => {
    const code = `dup_${unique()}`;
    const body = { code, nameKk: 'Сынақ', nameRu: 'Тест', nameEn: 'Test', slaPolicyId: (await policy()).id };
    expect((await t.http.post('/api/categories').set(bearer(t.tokens.admin)).send(body)).status).toBe(201);
    const duplicate = await t.http.post('/api/categories').set(bearer(t.tokens.admin)).send(body);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'code', message: 'is already taken' }]);

    const dangling = await t.http
      .post('/api/categories')
      .set(bearer(t.tokens.admin))
      .send({ ...body, code: `dangling_${unique()}`, slaPolicyId: '00000000-0000-4000-8000-000000000000' });
    expect(dangling.status).toBe(400);
    expect(dangling.body.details).toEqual([
      { field: 'slaPolicyId', message: 'refers to a record that does not exist' },
    ]);
  });

  test('a region still in use cannot be deleted (409), and nothing changes', async () => {
    const response = await t.http.delete(`/api/regions/${almatyId}`).set(bearer(t.tokens.admin));
    expect(response.status).toBe(409);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM regions WHERE id = $1`, [
      almatyId,
    ]);
    expect(count).toBe(1);
  });

  test('a BIN with a wrong check digit is refused naming the field', async () => {
    const response = await t.http
      .post('/api/organisations')
      .set(bearer(t.tokens.officer))
      .send({ name: 'Bad BIN LLP', type: 'company', regionId: almatyId, bin: '051140003218' });
    expect(response.status).toBe(400);
    expect(response.body.details[0]).toMatchObject({ field: 'bin', message: expect.stringMatching(/BIN/) });
  });

  test('an admin records a decreed transfer in the calendar', async () => {
    const response = await t.http.post('/api/calendar-days').set(bearer(t.tokens.admin)).send({
      date: '2027-11-13',
      kind: 'working_day',
      nameKk: 'Жұмыс күні (қаулы)',
      nameRu: 'Рабочий день (постановление)',
      nameEn: 'Working day (decree)',
    });
    expect([201, 409]).toContain(response.status);
    const day = await t.http
      .get('/api/calendar-days')
      .query({ filter: '{"date":"2027-11-13"}' })
      .set(bearer(t.tokens.officer));
    expect(day.body).toEqual([expect.objectContaining({ kind: 'working_day' })]);
  });
});

async function policy(): Promise<{ id: string }> {
  const [row] = await t.dataSource.query(`SELECT id FROM sla_policies WHERE code = 'appeal_standard'`);
  return row;
}
