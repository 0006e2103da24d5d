import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Market prices over HTTP against the real database: who may record and read them, what is refused,
 * and how each price is judged against its baseline — every median below is computed by hand.
 */
let t: TestApp;
let almatyId: string;
let astanaId: string;
let inspectorId: string;

const DAY = 86_400_000;
/** Today in the office's time zone, and `days` before it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
const daysAgo = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
/** Noon in Almaty (UTC+5) on the day `days` ago; today's noon only if it has passed. */
const noon = (days: number) => {
  const at = new Date(`${daysAgo(days)}T12:00:00+05:00`);
  return (at.getTime() > testNow().getTime() ? new Date(testNow().getTime() - 60_000) : at).toISOString();
};

beforeAll(async () => {
  t = await startTestApp();
  const one = async (sql: string) => (await t.dataSource.query(sql))[0].id as string;
  almatyId = await one(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  astanaId = await one(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  inspectorId = await one(`SELECT id FROM users WHERE email = 'inspector@demo.adaldesk.kz'`);
});
afterAll(() => t.close());

const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((problem) => problem.field).sort();

/** A fresh product, so each case has a baseline history of its own. */
async function newProduct(overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const code = `test_${unique()}`;
  const response = await t.http
    .post('/api/products')
    .set(bearer(t.tokens.admin))
    .send({
      code,
      unit: 'kg',
      nameKk: 'Сынақ өнімі',
      nameRu: 'Тестовый продукт',
      nameEn: 'Test product',
      ...overrides,
    });
  expect(response.status).toBe(201);
  return response.body;
}

async function newMarket(regionId = almatyId, type = 'market'): Promise<{ id: string; bin: string }> {
  const bin = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const [row] = await t.dataSource.query(
    `INSERT INTO organisations (name, bin, type, region_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [`«Сынақ ${unique()}» базары`, bin, type, regionId],
  );
  return { id: row.id, bin };
}

async function newInspection(marketId: string, status = 'in_progress'): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO inspections (number, type, organisation_id, region_id, lead_inspector_id, created_by_id,
                              planned_start_on, planned_end_on, actual_start_on, status)
     SELECT $1, 'market', $2, region_id, $3, $3, $4::date, $4::date, $5::date, $6 FROM organisations WHERE id = $2
     RETURNING id`,
    [
      `IN-TEST-${unique()}${unique()}`,
      marketId,
      inspectorId,
      daysAgo(1),
      status === 'planned' ? null : daysAgo(1),
      status,
    ],
  );
  return row.id;
}

type Observation = Record<string, unknown> & { id: string; version: number };

async function observe(
  productId: string,
  marketId: string,
  price: string,
  daysBefore: number,
  extra: Record<string, unknown> = {},
): Promise<Observation> {
  const response = await t.http
    .post('/api/price-observations')
    .set(bearer(t.tokens.inspector))
    .send({ productId, marketId, price, observedAt: noon(daysBefore), ...extra });
  expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({
    status: 201,
    body: null,
  });
  return response.body;
}

/** Prices of one product, one a day at `markets[i % n]`, on the given days before today. */
async function history(productId: string, markets: string[], entries: [daysBefore: number, price: string][]) {
  for (const [index, [days, price]] of entries.entries())
    await observe(productId, markets[index % markets.length], price, days);
}

describe('recording a price', () => {
  it('takes the unit and region from the product and market, records the inspector, and audits it', async () => {
    const product = await newProduct({ unit: 'l' });
    const market = await newMarket();
    const observation = await observe(product.id, market.id, '489.90', 0);
    expect(observation).toMatchObject({
      productId: product.id,
      unit: 'l',
      price: '489.90',
      marketId: market.id,
      regionId: almatyId,
      observedOn: TODAY,
      inspectorId,
      baselineSource: 'none',
      baselinePrice: null,
      risePercent: null,
      flagged: false,
      thresholdPercent: '10.00',
      version: 1,
    });
    const [event] = await t.dataSource.query(
      `SELECT actor_id, action, after FROM audit_events WHERE entity_type = 'price-observations' AND entity_id = $1`,
      [observation.id],
    );
    expect(event).toMatchObject({ actor_id: inspectorId, action: 'create', after: { price: '489.90' } });
  });

  it('refuses bad input with 400 naming every field', async () => {
    const product = await newProduct();
    const market = await newMarket();
    const school = await newMarket(almatyId, 'school');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ productId: product.id, marketId: market.id, price: '-3' }, ['price']],
      [{ productId: product.id, marketId: market.id, price: '0' }, ['price']],
      [{ productId: product.id, marketId: market.id, price: '12.345' }, ['price']],
      [{ productId: product.id, marketId: market.id, price: 12.5 }, ['price']],
      [{ productId: product.id, marketId: market.id, price: '100', unit: 'l' }, ['unit']],
      [{ productId: product.id, marketId: market.id, price: '100', unit: 'ton' }, ['unit']],
      [
        {
          productId: product.id,
          marketId: market.id,
          price: '100',
          observedAt: new Date(testNow().getTime() + DAY).toISOString(),
        },
        ['observedAt'],
      ],
      [{ productId: product.id, marketId: school.id, price: '100' }, ['marketId']],
      [{ productId: '00000000-0000-4000-8000-000000000000', marketId: market.id, price: '100' }, ['productId']],
      [{ price: '100' }, ['marketId', 'productId']],
    ];
    for (const [body, fields] of cases) {
      const response = await t.http.post('/api/price-observations').set(bearer(t.tokens.inspector)).send(body);
      expect({ body, status: response.status, fields: fieldsOf(response.body) }).toEqual({ body, status: 400, fields });
    }
  });

  it('keeps one price per product, market and day (409)', async () => {
    const product = await newProduct();
    const market = await newMarket();
    await observe(product.id, market.id, '100', 2);
    const again = await t.http
      .post('/api/price-observations')
      .set(bearer(t.tokens.inspector))
      .send({ productId: product.id, marketId: market.id, price: '101', observedAt: noon(2) });
    expect(again.status).toBe(409);
  });
});

describe('who sees and writes prices', () => {
  it('lets inspectors write only in their region, and scopes every reader', async () => {
    const product = await newProduct();
    const almaty = await newMarket();
    const astana = await newMarket(astanaId);
    const inAlmaty = await observe(product.id, almaty.id, '250', 1);

    const outside = await t.http
      .post('/api/price-observations')
      .set(bearer(t.tokens.inspector))
      .send({ productId: product.id, marketId: astana.id, price: '250' });
    expect(outside.status).toBe(403);
    const byAdmin = await t.http
      .post('/api/price-observations')
      .set(bearer(t.tokens.admin))
      .send({ productId: product.id, marketId: astana.id, price: '260', observedAt: noon(1) });
    expect(byAdmin.status).toBe(201);

    const listed = async (role: keyof TestApp['tokens']) => {
      const response = await t.http
        .get('/api/price-observations')
        .query({ filter: JSON.stringify({ productId: product.id }), sort: JSON.stringify(['price', 'ASC']) })
        .set(bearer(t.tokens[role]));
      expect(response.status).toBe(200);
      return response.body.map((row: Observation) => row.id);
    };
    expect(await listed('manager')).toEqual([inAlmaty.id]);
    expect(await listed('officer')).toEqual([inAlmaty.id]);
    expect(await listed('inspector')).toEqual([inAlmaty.id]);
    expect(await listed('auditor')).toEqual([inAlmaty.id, byAdmin.body.id]);
    expect(await listed('admin')).toEqual([inAlmaty.id, byAdmin.body.id]);

    // Out of scope is missing; reading is not writing.
    const hidden = await t.http.get(`/api/price-observations/${byAdmin.body.id}`).set(bearer(t.tokens.manager));
    expect(hidden.status).toBe(404);
    for (const role of ['manager', 'officer', 'auditor'] as const) {
      const create = await t.http
        .post('/api/price-observations')
        .set(bearer(t.tokens[role]))
        .send({ productId: product.id, marketId: almaty.id, price: '250' });
      expect({ role, status: create.status }).toEqual({ role, status: 403 });
      const update = await t.http
        .put(`/api/price-observations/${inAlmaty.id}`)
        .set(bearer(t.tokens[role]))
        .send({ version: 1, price: '1' });
      expect({ role, status: update.status }).toEqual({ role, status: 403 });
    }
  });

  it('gives products and baselines to everyone to read and to admins to change', async () => {
    for (const role of ['manager', 'officer', 'inspector', 'auditor'] as const) {
      const products = await t.http.get('/api/products').set(bearer(t.tokens[role]));
      expect(products.status).toBe(200);
      const baselines = await t.http.get('/api/price-baselines').set(bearer(t.tokens[role]));
      expect(baselines.status).toBe(200);
      const create = await t.http
        .post('/api/products')
        .set(bearer(t.tokens[role]))
        .send({ code: `x_${unique()}`, unit: 'kg', nameKk: 'Сынақ', nameRu: 'Тест', nameEn: 'Test' });
      expect({ role, status: create.status }).toEqual({ role, status: 403 });
    }
  });

  it('seeds the socially significant products with their units', async () => {
    const response = await t.http
      .get('/api/products')
      .query({
        filter: JSON.stringify({ code: ['beef', 'eggs', 'sunflower_oil', 'wheat_bread'] }),
        sort: '["code","ASC"]',
      })
      .set(bearer(t.tokens.inspector));
    expect(response.body.map(({ code, unit }: { code: string; unit: string }) => [code, unit])).toEqual([
      ['beef', 'kg'],
      ['eggs', '10_pcs'],
      ['sunflower_oil', 'l'],
      ['wheat_bread', 'kg'],
    ]);
  });
});

describe('the baseline', () => {
  it('is the median of an odd number of earlier prices; exactly 10 % above is not flagged, a tiyn more is', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id, (await newMarket()).id];
    // Sorted: 100, 200, 300, 400, 500 — the median is 300.
    await history(product.id, markets, [
      [5, '100'],
      [4, '300'],
      [3, '200'],
      [2, '500'],
      [1, '400'],
    ]);
    const exactly = await observe(product.id, markets[0], '330.00', 0);
    expect(exactly).toMatchObject({
      baselineSource: 'median',
      baselinePrice: '300.000',
      baselineObservations: 5,
      risePercent: '10.00',
      flagged: false,
    });
    const above = await observe(product.id, markets[1], '330.01', 0);
    expect(above).toMatchObject({ baselinePrice: '300.000', risePercent: '10.00', flagged: true });
  });

  it('is the mean of the two middle prices of an even count, exact to half a tiyn', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id, (await newMarket()).id];
    // Sorted: 150, 199.99, 200.00, 200.01, 250, 900 — the middle two are 200.00 and 200.01.
    await history(product.id, markets, [
      [6, '900'],
      [5, '200.01'],
      [4, '150'],
      [3, '200.00'],
      [2, '250'],
      [1, '199.99'],
    ]);
    const judged = await observe(product.id, markets[0], '190', 0);
    expect(judged).toMatchObject({
      baselineSource: 'median',
      baselinePrice: '200.005',
      baselineObservations: 6,
      risePercent: '-5.00',
      flagged: false,
    });
  });

  it('counts the 30 days before the day: the 30th in, the 31st and the day itself out', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id, (await newMarket()).id, (await newMarket()).id];
    // In the window: five prices of 100, on the 30th to the 26th day before.
    await history(product.id, markets, [
      [30, '100'],
      [29, '100'],
      [28, '100'],
      [27, '100'],
      [26, '100'],
    ]);
    // Out of it: three of 1000 on the 31st day before, and one the same day at another market.
    await history(product.id, markets, [
      [31, '1000'],
      [31, '1000'],
      [31, '1000'],
    ]);
    await observe(product.id, markets[1], '1000', 0);
    const judged = await observe(product.id, markets[0], '111', 0);
    expect(judged).toMatchObject({
      baselinePrice: '100.000',
      baselineObservations: 5,
      risePercent: '11.00',
      flagged: true,
    });
  });

  it('says none with too few earlier prices, and flags nothing', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id];
    await history(product.id, markets, [
      [4, '100'],
      [3, '100'],
      [2, '100'],
      [1, '100'],
    ]);
    const judged = await observe(product.id, markets[0], '1000', 0);
    expect(judged).toMatchObject({ baselineSource: 'none', baselinePrice: null, risePercent: null, flagged: false });
  });

  it('gives way to a baseline an admin set for the day, which is audited with who set it', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id, (await newMarket()).id];
    await history(product.id, markets, [
      [5, '300'],
      [4, '300'],
      [3, '300'],
      [2, '300'],
      [1, '300'],
    ]);
    const set = await t.http
      .post('/api/price-baselines')
      .set(bearer(t.tokens.admin))
      .send({
        productId: product.id,
        regionId: almatyId,
        price: '150',
        validFrom: daysAgo(10),
        note: 'Әкімдік шешімі',
      });
    expect(set.status).toBe(201);
    expect(set.body.setById).toBeTruthy();
    const judged = await observe(product.id, markets[0], '170', 0);
    expect(judged).toMatchObject({
      baselineSource: 'admin',
      baselinePrice: '150.000',
      baselineObservations: null,
      risePercent: '13.33',
      flagged: true,
    });
    // A period that ended yesterday no longer applies: back to the median of 300.
    const ended = await t.http
      .put(`/api/price-baselines/${set.body.id}`)
      .set(bearer(t.tokens.admin))
      .send({ version: set.body.version, validTo: daysAgo(1) });
    expect(ended.status).toBe(200);
    const afterEnd = await observe(product.id, markets[1], '170', 0);
    expect(afterEnd).toMatchObject({ baselineSource: 'median', baselinePrice: '300.000', flagged: false });

    const events = await t.dataSource.query(
      `SELECT action, actor_role FROM audit_events WHERE entity_type = 'price-baselines' AND entity_id = $1 ORDER BY id`,
      [set.body.id],
    );
    expect(events).toEqual([
      { action: 'create', actor_role: 'admin' },
      { action: 'update', actor_role: 'admin' },
    ]);
  });

  it('refuses overlapping admin baselines (409) and a period that ends before it starts (400)', async () => {
    const product = await newProduct();
    const body = {
      productId: product.id,
      regionId: almatyId,
      price: '100',
      validFrom: daysAgo(10),
      validTo: daysAgo(5),
    };
    expect((await t.http.post('/api/price-baselines').set(bearer(t.tokens.admin)).send(body)).status).toBe(201);
    const overlap = await t.http
      .post('/api/price-baselines')
      .set(bearer(t.tokens.admin))
      .send({ ...body, validFrom: daysAgo(6), validTo: null });
    expect(overlap.status).toBe(409);
    const backwards = await t.http
      .post('/api/price-baselines')
      .set(bearer(t.tokens.admin))
      .send({ ...body, validFrom: daysAgo(1), validTo: daysAgo(2) });
    expect({ status: backwards.status, fields: fieldsOf(backwards.body) }).toEqual({
      status: 400,
      fields: ['validTo'],
    });
    const badPrice = await t.http
      .post('/api/price-baselines')
      .set(bearer(t.tokens.admin))
      .send({ ...body, price: '0.00', validFrom: daysAgo(40), validTo: daysAgo(39) });
    expect({ status: badPrice.status, fields: fieldsOf(badPrice.body) }).toEqual({ status: 400, fields: ['price'] });
  });

  it("uses a product's own threshold when it has one", async () => {
    const product = await newProduct({ riseThresholdPercent: '25' });
    const markets = [(await newMarket()).id];
    await history(product.id, markets, [
      [5, '100'],
      [4, '100'],
      [3, '100'],
      [2, '100'],
      [1, '100'],
    ]);
    const judged = await observe(product.id, markets[0], '120', 0);
    expect(judged).toMatchObject({ thresholdPercent: '25.00', risePercent: '20.00', flagged: false });
  });

  it('judges a corrected price again', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id];
    await history(product.id, markets, [
      [5, '100'],
      [4, '100'],
      [3, '100'],
      [2, '100'],
      [1, '100'],
    ]);
    const typo = await observe(product.id, markets[0], '1050', 0);
    expect(typo.flagged).toBe(true);
    const corrected = await t.http
      .put(`/api/price-observations/${typo.id}`)
      .set(bearer(t.tokens.inspector))
      .send({ ...typo, price: '105' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ price: '105.00', risePercent: '5.00', flagged: false, version: 2 });
    const stale = await t.http
      .put(`/api/price-observations/${typo.id}`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1, price: '106' });
    expect(stale.status).toBe(409);
  });

  it('lists flagged prices by filter, sorted by rise', async () => {
    const product = await newProduct();
    const markets = [(await newMarket()).id, (await newMarket()).id, (await newMarket()).id];
    await history(product.id, markets, [
      [5, '100'],
      [4, '100'],
      [3, '100'],
      [2, '100'],
      [1, '100'],
    ]);
    await observe(product.id, markets[0], '150', 0);
    await observe(product.id, markets[1], '120', 0);
    await observe(product.id, markets[2], '101', 0);
    const response = await t.http
      .get('/api/price-observations')
      .query({
        filter: JSON.stringify({ productId: product.id, flagged: true, observedOn_gte: TODAY }),
        sort: JSON.stringify(['risePercent', 'DESC']),
      })
      .set(bearer(t.tokens.manager));
    expect(response.body.map((row: Observation) => row.price)).toEqual(['150.00', '120.00']);
    const csv = await t.http
      .get('/api/price-observations/export')
      .query({ filter: JSON.stringify({ productId: product.id, flagged: true }) })
      .set(bearer(t.tokens.auditor));
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
  });
});

describe('opening a finding from a flagged price', () => {
  async function flaggedAt(marketId: string, inspectionId: string | null) {
    const product = await newProduct();
    const other = (await newMarket()).id;
    await history(
      product.id,
      [other],
      [
        [5, '4000'],
        [4, '4000'],
        [3, '4000'],
        [2, '4000'],
        [1, '4000'],
      ],
    );
    return observe(product.id, marketId, '4800', 0, inspectionId ? { inspectionId } : {});
  }

  it('opens one price-gouging finding on the inspection, prefilled, linked and audited; a second call is 409', async () => {
    const market = await newMarket();
    const inspectionId = await newInspection(market.id);
    const observation = await flaggedAt(market.id, inspectionId);
    expect(observation).toMatchObject({ flagged: true, risePercent: '20.00', inspectionId });

    const opened = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: observation.version });
    expect(opened.status).toBe(200);
    const finding = opened.body.finding;
    expect(opened.body).toMatchObject({ id: observation.id, findingId: finding.id, version: 2 });
    expect(finding).toMatchObject({
      kind: 'price_gouging',
      severity: 'low',
      amount: '800.00',
      inspectionId,
      regionId: almatyId,
      number: expect.stringMatching(/^FN-\d{4}-\d{6}$/),
    });
    expect(finding.description).toContain('4800.00');
    expect(finding.description).toContain('20.00 %');
    // The region's manager reads it with the other findings of the inspection.
    const managerView = await t.http
      .get('/api/findings')
      .query({ filter: JSON.stringify({ inspectionId }) })
      .set(bearer(t.tokens.manager));
    expect(managerView.body).toEqual([
      expect.objectContaining({ id: finding.id, kind: 'price_gouging', amount: '800.00' }),
    ]);

    const again = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ findingId: finding.id });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM findings WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(count).toBe(1);
    const events = await t.dataSource.query(
      `SELECT entity_type, action FROM audit_events
        WHERE (entity_type = 'findings' AND entity_id = $1) OR (entity_type = 'price-observations' AND entity_id = $2)
        ORDER BY id`,
      [finding.id, observation.id],
    );
    expect(events).toEqual([
      { entity_type: 'price-observations', action: 'create' },
      { entity_type: 'findings', action: 'create' },
      { entity_type: 'price-observations', action: 'open-finding' },
    ]);
    // A price a finding rests on is no longer corrected or deleted.
    expect(
      (await t.http.delete(`/api/price-observations/${observation.id}`).set(bearer(t.tokens.inspector))).status,
    ).toBe(409);
  });

  it('needs a flagged price (422), and a market inspection of the same market when none is linked (400)', async () => {
    const market = await newMarket();
    const product = await newProduct();
    const plain = await observe(product.id, market.id, '100', 0);
    const notFlagged = await t.http
      .post(`/api/price-observations/${plain.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1 });
    expect(notFlagged.status).toBe(422);

    const observation = await flaggedAt(market.id, null);
    const without = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1 });
    expect({ status: without.status, fields: fieldsOf(without.body) }).toEqual({
      status: 400,
      fields: ['inspectionId'],
    });
    const elsewhere = await newInspection((await newMarket()).id);
    const wrongMarket = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1, inspectionId: elsewhere });
    expect({ status: wrongMarket.status, fields: fieldsOf(wrongMarket.body) }).toEqual({
      status: 400,
      fields: ['inspectionId'],
    });
    const here = await newInspection(market.id);
    const opened = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1, inspectionId: here, severity: 'high' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ inspectionId: here, finding: { inspectionId: here, severity: 'high' } });
    const managerReads = await t.http.get(`/api/price-observations/${observation.id}`).set(bearer(t.tokens.manager));
    expect(managerReads.body.findingId).toBe(opened.body.finding.id);
  });

  it('opens exactly one finding when two clicks race', async () => {
    const market = await newMarket();
    const inspectionId = await newInspection(market.id);
    const observation = await flaggedAt(market.id, inspectionId);
    const click = () =>
      t.http
        .post(`/api/price-observations/${observation.id}/actions/open-finding`)
        .set(bearer(t.tokens.inspector))
        .send({ version: observation.version });
    const statuses = (await Promise.all([click(), click()])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM findings WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(count).toBe(1);
  });

  it('leaves nothing behind when the link cannot be written: finding and link are one transaction', async () => {
    const market = await newMarket();
    const inspectionId = await newInspection(market.id);
    const observation = await flaggedAt(market.id, inspectionId);
    const trigger = `fail_link_${unique()}`;
    await t.owner.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'link refused for the test'; END $$`);
    await t.owner.query(`
      CREATE TRIGGER ${trigger} BEFORE UPDATE ON price_observations FOR EACH ROW
      WHEN (NEW.id = '${observation.id}') EXECUTE FUNCTION ${trigger}()`);
    try {
      const failed = await t.http
        .post(`/api/price-observations/${observation.id}/actions/open-finding`)
        .set(bearer(t.tokens.inspector))
        .send({ version: 1 });
      expect(failed.status).toBe(500);
    } finally {
      await t.owner.query(`DROP TRIGGER ${trigger} ON price_observations`);
      await t.owner.query(`DROP FUNCTION ${trigger}()`);
    }
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM findings WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(count).toBe(0);
    const retried = await t.http
      .post(`/api/price-observations/${observation.id}/actions/open-finding`)
      .set(bearer(t.tokens.inspector))
      .send({ version: 1 });
    expect(retried.status).toBe(200);
  });
});
