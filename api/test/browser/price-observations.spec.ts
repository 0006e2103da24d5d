import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, type TestApp, unique, waitFor } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser, SCREENSHOTS } from './admin-browser.js';
import { testNow } from '../test-clock.js';

/**
 * Market prices in Debian's Chromium against the real API: an inspector imports a CSV of a day's
 * prices at a market during an inspection; one product is more than 10 % above its baseline and one
 * row is bad. The report names the bad row and its reason, the rise is flagged, one click opens a
 * price-gouging finding, and the region's manager sees that finding.
 */
let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
const daysAgo = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

async function insertMarket(name: string): Promise<{ id: string; bin: string }> {
  const bin = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const [row] = await t.dataSource.query(
    `INSERT INTO organisations (name, bin, type, region_id)
     SELECT $1, $2, 'market', id FROM regions WHERE code = 'KZ-75' RETURNING id`,
    [name, bin],
  );
  return { id: row.id, bin };
}

async function newProduct(code: string, nameEn: string, unit: string): Promise<string> {
  const response = await t.http
    .post('/api/products')
    .set(bearer(t.tokens.admin))
    .send({ code, unit, nameKk: `${nameEn} (kk)`, nameRu: `${nameEn} (ru)`, nameEn });
  expect(response.status).toBe(201);
  return response.body.id;
}

it('an inspector imports a day of prices, sees the bad row and the flagged rise, and opens a finding the manager sees', async () => {
  const tag = unique();
  // Products of this test alone, so no other test's prices move their baselines.
  const beefCode = `beef_${tag}`;
  const milkCode = `milk_${tag}`;
  const beef = await newProduct(beefCode, `Beef ${tag}`, 'kg');
  const milk = await newProduct(milkCode, `Milk ${tag}`, 'l');
  const neighbour = await insertMarket(`«Көрші ${tag}» базары`);
  const market = await insertMarket(`«Тексеру ${tag}» базары`);
  // A month of history at the neighbouring market: the medians are 4000 ₸ for beef and 500 ₸ for milk.
  for (let days = 6; days >= 1; days -= 1) {
    for (const [productId, price] of [
      [beef, '4000'],
      [milk, '500'],
    ]) {
      const response = await t.http
        .post('/api/price-observations')
        .set(bearer(t.tokens.inspector))
        .send({ productId, marketId: neighbour.id, price, observedAt: `${daysAgo(days)}T11:00:00+05:00` });
      expect(response.status).toBe(201);
    }
  }
  // The inspector's market inspection, under way.
  const planned = await t.http
    .post('/api/inspections')
    .set(bearer(t.tokens.inspector))
    .send({ type: 'market', organisationId: market.id, plannedStartOn: TODAY, plannedEndOn: TODAY });
  expect({ status: planned.status, body: planned.status === 201 ? null : planned.body }).toEqual({
    status: 201,
    body: null,
  });
  const started = await t.http
    .post(`/api/inspections/${planned.body.id}/actions/start`)
    .set(bearer(t.tokens.inspector))
    .send({ version: planned.body.version, on: TODAY });
  expect(started.status).toBe(200);
  const inspectionNumber = planned.body.number as string;

  // The day's prices as Excel writes them: ";" and a decimal comma. Beef is 12.5 % above 4000. A date
  // alone is the start of the office's day, so the rows are never in the future whatever the hour.
  const file = join(SCREENSHOTS, `prices-${tag}.csv`);
  const day = TODAY.split('-').reverse().join('.');
  writeFileSync(
    file,
    `\uFEFFproduct;market;price;observed_at;unit\r\n` +
      `${beefCode};${market.bin};4500;${day};kg\r\n` +
      `${milkCode};${market.bin};510,00;${day};l\r\n` +
      `${milkCode};${market.bin};12,5.0;${day};l\r\n`,
  );

  const inspector = await admin.signedIn('inspector');
  await inspector.goto(`${baseUrl}/#/price-observations`);
  await inspector.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = inspector.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByTestId('import-file').setInputFiles(file);
  const inspectionInput = dialog.getByRole('combobox', { name: /Market inspection/ });
  await inspectionInput.fill(inspectionNumber);
  await inspector.getByRole('option', { name: inspectionNumber }).click();
  await dialog.getByTestId('import-submit').click();

  const summary = dialog.getByTestId('import-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toBe('2 saved, 1 rows rejected, 1 above baseline');
  const errors = dialog.getByTestId('import-errors');
  expect(await errors.locator('tbody tr').allInnerTexts()).toEqual([
    '4\tprice\t12,5.0\t"12,5.0" is not a price: use digits with one decimal point or comma (e.g. 489,90)',
  ]);
  expect(await dialog.getByTestId('import-saved').locator('tbody tr').allInnerTexts()).toEqual([
    `2\t${beefCode}\t4\u00a0500.00\u00a0₸\t4\u00a0000.00\u00a0₸\t12.50 % · Above baseline`,
    `3\t${milkCode}\t510.00\u00a0₸\t500.00\u00a0₸\t2.00 %`,
  ]);
  await inspector.screenshot({ path: `${SCREENSHOTS}/prices-import-report.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The list of this market's prices: the beef row is flagged with its rise; one click opens the finding.
  const filter = encodeURIComponent(JSON.stringify({ marketId: market.id }));
  await inspector.goto(`${baseUrl}/#/price-observations?filter=${filter}`);
  const beefRow = inspector.locator('tr', { hasText: `Beef ${tag}` });
  await beefRow.getByTestId('price-flag').waitFor();
  // The list shown before may linger a moment: wait for this market's rows alone.
  await waitFor(async () => (await beefRow.count()) === 1);
  expect(await beefRow.getByTestId('price-rise').innerText()).toBe('+12.50 %');
  const milkRow = inspector.locator('tr', { hasText: `Milk ${tag}` });
  expect(await milkRow.getByTestId('price-flag').count()).toBe(0);
  expect(await milkRow.getByRole('button', { name: 'Open finding' }).count()).toBe(0);
  await inspector.screenshot({ path: `${SCREENSHOTS}/prices-list-inspector.png`, fullPage: true });
  await beefRow.getByRole('button', { name: 'Open finding' }).click();
  await inspector.getByText(/Finding FN-\d{4}-\d{6} opened/).waitFor();
  await beefRow.getByText(/^FN-\d{4}-\d{6}$/).waitFor();
  expect(await beefRow.getByRole('button', { name: 'Open finding' }).count()).toBe(0);

  const [finding] = await t.dataSource.query(
    `SELECT f.id, f.number, f.kind, f.amount::text AS amount FROM findings f
       JOIN price_observations o ON o.finding_id = f.id WHERE o.product_id = $1 AND o.market_id = $2`,
    [beef, market.id],
  );
  expect(finding).toMatchObject({ kind: 'price_gouging', amount: '500.00' });

  // The region's manager sees the finding, by API and beside the price on screen.
  const read = await t.http.get(`/api/findings/${finding.id}`).set(bearer(t.tokens.manager));
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ number: finding.number, inspectionId: planned.body.id });
  const manager = await admin.signedIn('manager');
  await manager.goto(`${baseUrl}/#/price-observations?filter=${filter}`);
  const managerRow = manager.locator('tr', { hasText: `Beef ${tag}` });
  await managerRow.getByText(finding.number).waitFor();
  await managerRow.click();
  await manager.getByTestId('price-chart').waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/prices-show-manager.png`, fullPage: true });
  expect(admin.pageErrors).toEqual([]);
}, 120_000);
