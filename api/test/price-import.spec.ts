import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * A day's market prices from CSV: the good rows saved, judged and audited; every bad row reported with
 * its row number, column and reason; files that are no CSV refused whole.
 */
let t: TestApp;
let almatyId: string;
let astanaId: string;
let inspectorId: string;

const DAY = 86_400_000;
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
const daysAgo = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
/** `24.11.2026`, as Excel in Kazakhstan writes dates. */
const dotted = (date: string) => date.split('-').reverse().join('.');

beforeAll(async () => {
  // A small row limit, so the limit itself can be tested.
  t = await startTestApp({ env: { PRICE_IMPORT_MAX_ROWS: '20' } });
  const one = async (sql: string) => (await t.dataSource.query(sql))[0].id as string;
  almatyId = await one(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  astanaId = await one(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  inspectorId = await one(`SELECT id FROM users WHERE email = 'inspector@demo.adaldesk.kz'`);
});
afterAll(() => t.close());

async function newProduct(unit = 'kg'): Promise<{ id: string; code: string }> {
  const code = `csv_${unique()}`;
  const response = await t.http
    .post('/api/products')
    .set(bearer(t.tokens.admin))
    .send({ code, unit, nameKk: 'Сынақ өнімі', nameRu: 'Тестовый продукт', nameEn: 'Test product' });
  expect(response.status).toBe(201);
  return response.body;
}

async function newMarket(regionId = almatyId): Promise<{ id: string; bin: string }> {
  const bin = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const [row] = await t.dataSource.query(
    `INSERT INTO organisations (name, bin, type, region_id) VALUES ($1, $2, 'market', $3) RETURNING id`,
    [`«CSV ${unique()}» базары`, bin, regionId],
  );
  return { id: row.id, bin };
}

function upload(csv: string | Buffer, fields: Record<string, string> = {}, token = t.tokens.inspector) {
  const request = t.http.post('/api/price-observations/import').set(bearer(token));
  for (const [name, value] of Object.entries(fields)) request.field(name, value);
  return request.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
    filename: 'prices.csv',
    contentType: 'text/csv',
  });
}

/** Five earlier days of 1000 ₸ at another market: the median baseline is 1000. */
async function baselineOf1000(productId: string) {
  const other = await newMarket();
  for (let days = 5; days >= 1; days -= 1) {
    const response = await t.http
      .post('/api/price-observations')
      .set(bearer(t.tokens.inspector))
      .send({ productId, marketId: other.id, price: '1000', observedAt: `${daysAgo(days)}T12:00:00+05:00` });
    expect(response.status).toBe(201);
  }
}

describe('importing a day of prices', () => {
  it('reads an Excel-style file (BOM, ";", decimal comma, dd.mm.yyyy), saves the good rows and reports each bad one', async () => {
    const beef = await newProduct();
    const oil = await newProduct('l');
    const eggs = await newProduct('10_pcs');
    await baselineOf1000(beef.id);
    const market = await newMarket();
    const astana = await newMarket(astanaId);
    const yesterday = dotted(daysAgo(1));
    const tomorrow = dotted(daysAgo(-1));
    const lines = [
      'product;market;price;observed_at;unit',
      `${beef.code};${market.bin};1 150,50;${dotted(TODAY)};kg`, // 2: 15.05 % above 1000: flagged
      `${oil.code};${market.bin};489,9;${yesterday} 10:30;l`, // 3: good, no baseline yet
      `unknown_thing;${market.bin};100;${yesterday};kg`, // 4
      `${eggs.code};${astana.bin};650;${yesterday};10_pcs`, // 5
      `${eggs.code};${market.bin};12,5.0;${yesterday};10_pcs`, // 6
      `${eggs.code};${market.bin};-3;${yesterday};10_pcs`, // 7
      `${eggs.code};${market.bin};650;${yesterday};kg`, // 8
      `${eggs.code};${market.bin};650;${tomorrow};10_pcs`, // 9
      `${oil.code};${market.bin};495;${yesterday};l`, // 10: same product, market, day as row 3
      '',
      `${eggs.code};${market.bin};650,00;${yesterday};`, // 12: good, unit left blank
      `${eggs.code};999999999999;650;31.02.2026;10_pcs`, // 13
    ];
    const response = await upload(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: false, rows: 11, saved: 3, rejected: 8, flagged: 1 });
    expect(response.body.errors).toEqual([
      { row: 4, field: 'product', value: 'unknown_thing', reason: '"unknown_thing" is not a known product code' },
      { row: 5, field: 'market', value: astana.bin, reason: expect.stringMatching(/is not in your region$/) },
      {
        row: 6,
        field: 'price',
        value: '12,5.0',
        reason: '"12,5.0" is not a price: use digits with one decimal point or comma (e.g. 489,90)',
      },
      { row: 7, field: 'price', value: '-3', reason: '"-3" is negative; a price must be above 0' },
      { row: 8, field: 'unit', value: 'kg', reason: `must be the product's unit, "10_pcs" (got "kg")` },
      { row: 9, field: 'observed_at', value: tomorrow, reason: 'must not be in the future' },
      {
        row: 10,
        field: 'product',
        value: oil.code,
        reason: 'duplicates row 3: one price per product, market and day',
      },
      { row: 13, field: 'market', value: '999999999999', reason: `"999999999999" is no organisation's BIN or id` },
      { row: 13, field: 'observed_at', value: '31.02.2026', reason: '"31.02.2026" is not a date that exists' },
    ]);
    expect(response.body.observations).toEqual([
      expect.objectContaining({
        row: 2,
        product: beef.code,
        price: '1150.50',
        baselinePrice: '1000.000',
        risePercent: '15.05',
        flagged: true,
      }),
      expect.objectContaining({ row: 3, product: oil.code, price: '489.90', baselineSource: 'none', flagged: false }),
      expect.objectContaining({ row: 12, product: eggs.code, price: '650.00', flagged: false }),
    ]);

    const saved = await t.dataSource.query(
      `SELECT o.id, o.price::text, o.inspector_id, to_char(o.observed_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS local
         FROM price_observations o WHERE o.market_id = $1 ORDER BY o.price`,
      [market.id],
    );
    expect(saved.map((row: { price: string; local: string }) => [row.price, row.local])).toEqual([
      ['489.90', `${daysAgo(1)} 10:30`],
      ['650.00', `${daysAgo(1)} 00:00`],
      ['1150.50', `${TODAY} 00:00`],
    ]);
    expect(saved.every((row: { inspector_id: string }) => row.inspector_id === inspectorId)).toBe(true);
    const [{ audited }] = await t.dataSource.query(
      `SELECT count(*)::int AS audited FROM audit_events
        WHERE entity_type = 'price-observations' AND action = 'import' AND entity_id = ANY($1)`,
      [saved.map((row: { id: string }) => row.id)],
    );
    expect(audited).toBe(3);
  });

  it('reads a comma-separated file with quoted decimal commas and an ISO time', async () => {
    const product = await newProduct();
    const market = await newMarket();
    const csv = `Product,Market,Price,Observed At,Notes\n${product.code},${market.id},"1250,75",${daysAgo(2)}T09:15:00+05:00,ok\n`;
    const response = await upload(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ saved: 1, rejected: 0, errors: [], ignoredColumns: ['Notes'] });
    expect(response.body.observations[0]).toMatchObject({ price: '1250.75', observedOn: daysAgo(2) });
  });

  it('links every row to the inspection given, taking its market when the column is left out', async () => {
    const product = await newProduct();
    const market = await newMarket();
    const [{ id: inspectionId }] = await t.dataSource.query(
      `INSERT INTO inspections (number, type, organisation_id, region_id, lead_inspector_id, created_by_id,
                                planned_start_on, planned_end_on, actual_start_on, status)
       VALUES ($1, 'market', $2, $3, $4, $4, $5, $5, $5, 'in_progress') RETURNING id`,
      [`IN-CSV-${unique()}`, market.id, almatyId, inspectorId, daysAgo(1)],
    );
    const other = await newMarket();
    const csv = `product;price;observed_at;market\n${product.code};300;${daysAgo(1)};\n${product.code};300;${daysAgo(1)};${other.bin}\n`;
    const response = await upload(csv, { inspectionId });
    expect(response.body).toMatchObject({ saved: 1, rejected: 1 });
    expect(response.body.errors).toEqual([
      { row: 3, field: 'inspectionId', value: null, reason: "is of another market than the price's" },
    ]);
    const [saved] = await t.dataSource.query(`SELECT inspection_id, market_id FROM price_observations WHERE id = $1`, [
      response.body.observations[0].id,
    ]);
    expect(saved).toEqual({ inspection_id: inspectionId, market_id: market.id });
  });

  it('refuses a price already recorded that day, and saves nothing on a dry run', async () => {
    const product = await newProduct();
    const market = await newMarket();
    const csv = `product;market;price;observed_at\n${product.code};${market.bin};300;${daysAgo(3)}\n`;
    const dry = await upload(csv, { dryRun: 'true' });
    expect(dry.body).toMatchObject({ dryRun: true, saved: 0, rejected: 0, observations: [{ row: 2, id: null }] });
    expect((await upload(csv)).body).toMatchObject({ saved: 1 });
    const again = await upload(csv);
    expect(again.body).toMatchObject({ saved: 0, rejected: 1 });
    expect(again.body.errors[0]).toMatchObject({
      row: 2,
      field: 'product',
      reason: `a price of this product at this market on ${daysAgo(3)} is already recorded`,
    });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM price_observations WHERE product_id = $1`,
      [product.id],
    );
    expect(count).toBe(1);
  });
});

describe('files that are not a CSV of prices', () => {
  const fileProblem = (body: { details?: { field: string; message: string }[] }) => body.details?.[0];

  it('refuses a picture, a workbook, an empty file, a missing file and missing columns with 400', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(20, 1)]);
    const cases: [Buffer | string, RegExp][] = [
      [png, /binary data/],
      [xlsx, /\.xlsx/],
      ['', /is empty/],
      ['product;price\nbeef;100\n', /lacks the column observed_at/],
      ['product;market;price;observed_at\n"beef;1;2;3\n', /not a readable CSV/],
    ];
    for (const [file, message] of cases) {
      const response = await upload(file);
      expect(response.status).toBe(400);
      expect(fileProblem(response.body)).toEqual({ field: 'file', message: expect.stringMatching(message) });
    }
    const none = await t.http
      .post('/api/price-observations/import')
      .set(bearer(t.tokens.inspector))
      .field('dryRun', 'true');
    expect({ status: none.status, problem: fileProblem(none.body)?.field }).toEqual({ status: 400, problem: 'file' });
  });

  it('refuses more rows than PRICE_IMPORT_MAX_ROWS (400) and more than 2 MiB (413)', async () => {
    const rows = Array.from({ length: 21 }, () => 'beef;123456789012;100;2026-01-01');
    const many = await upload(`product;market;price;observed_at\n${rows.join('\n')}\n`);
    expect(many.status).toBe(400);
    expect(fileProblem(many.body)?.message).toMatch(/more than 20 rows/);
    const huge = await upload(`product;market;price;observed_at\n${'x'.repeat(2 * 1024 * 1024 + 10)}\n`);
    expect(huge.status).toBe(413);
  });

  it('is not for the office: officers, managers and auditors may not import (403)', async () => {
    for (const role of ['officer', 'manager', 'auditor'] as const) {
      const response = await upload('product;market;price;observed_at\n', {}, t.tokens[role]);
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
    }
  });
});
