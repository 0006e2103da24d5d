import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/reference-data.js';
import { type TestApp, unique } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser } from './admin-browser.js';

/**
 * The admin UI in Debian's Chromium against the real API: an admin signs in, switches to Kazakh and
 * creates an officer in Astana; that officer signs in and sees only what the rules give them.
 */

let admin: AdminBrowser;
let t: TestApp;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, browser, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.locator('a[href="#/regions"]').waitFor();
}

async function menuLinks(page: Page): Promise<string[]> {
  await page.locator('a[href="#/regions"]').waitFor();
  return page.locator('a[href^="#/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

test('an admin switches to Kazakh and creates an officer in Astana; the officer sees only what the rules allow', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await signIn(page, 'admin@demo.adaldesk.kz', DEMO_PASSWORD);
  expect(await menuLinks(page)).toEqual(
    expect.arrayContaining([
      '#/users',
      '#/regions',
      '#/organisations',
      '#/categories',
      '#/sla-policies',
      '#/calendar-days',
      '#/audit-events',
    ]),
  );

  // Switch the interface to Kazakh from the app bar.
  await page.getByRole('button', { name: /english/i }).click();
  await page.getByRole('menuitem', { name: 'Қазақша' }).click();
  await page.locator('a[href="#/users"]', { hasText: 'Пайдаланушылар' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('kk');

  // Create an officer in Astana.
  const email = `browser-officer-${unique()}@example.kz`;
  const password = 'Browser-pass-2026';
  await page.goto(`${baseUrl}/#/users/create`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="fullName"]', 'Асель Браузерова');
  await page.getByRole('combobox', { name: /Рөлі/ }).click();
  await page.getByRole('option', { name: 'Жобалық кеңсе қызметкері' }).click();
  await page.getByRole('combobox', { name: /Өңір/ }).click();
  await page.getByRole('option', { name: 'Астана қаласы' }).click();
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await page.waitForURL(/#\/users(\/[0-9a-f-]+)?$/);

  const [created] = await t.dataSource.query(
    `SELECT u.role, r.code FROM users u JOIN regions r ON r.id = u.region_id WHERE u.email = $1`,
    [email],
  );
  expect(created).toEqual({ role: 'officer', code: 'KZ-71' });

  // The new officer signs in, in a browser of their own.
  const officerContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  const officerPage = await officerContext.newPage();
  officerPage.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(officerPage, email, password);

  const links = await menuLinks(officerPage);
  expect(links).toEqual(expect.arrayContaining(['#/organisations', '#/regions', '#/calendar-days', '#/users']));
  expect(links).not.toContain('#/audit-events');

  // Reference data is read-only for an officer: no create button on regions or users...
  await officerPage.goto(`${baseUrl}/#/regions`);
  await officerPage.locator('table tbody tr').first().waitFor();
  expect(await officerPage.locator('a[href="#/regions/create"]').count()).toBe(0);
  await officerPage.goto(`${baseUrl}/#/users`);
  await officerPage.locator('table tbody tr').first().waitFor();
  expect(await officerPage.locator('a[href="#/users/create"]').count()).toBe(0);
  // ...and the users list holds only Astana's people.
  const regionsShown = await officerPage.locator('table tbody tr td:nth-child(4)').allTextContents();
  expect(new Set(regionsShown)).toEqual(new Set(['Astana']));
  // The officer may register organisations.
  await officerPage.goto(`${baseUrl}/#/organisations`);
  await officerPage.locator('a[href="#/organisations/create"]').waitFor();
  // The audit trail is closed to them even by its address.
  await officerPage.goto(`${baseUrl}/#/audit-events`);
  await officerPage.waitForTimeout(500);
  expect(await officerPage.locator('table tbody tr').count()).toBe(0);

  expect(pageErrors).toEqual([]);
  await context.close();
  await officerContext.close();
}, 120_000);
