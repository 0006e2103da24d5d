import { readFile } from 'node:fs/promises';
import { WorkingCalendar } from '@adaldesk/libs';
import type { Page } from 'playwright-core';
import { AppealStatsRollupJob } from '../../src/stats/jobs/appeal-stats-rollup.job.js';
import { REPORT_LABELS } from '../../src/stats/report/report-labels.js';
import { type AppealShape, makeAppealWithHistory, regionWithStaff } from '../appeal-history-fixtures.js';
import { pdfPages } from '../pdf-text.js';
import type { TestApp } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser, SCREENSHOTS } from './admin-browser.js';
import { testNow } from '../test-clock.js';

/**
 * The managers' dashboard in Debian's Chromium against the real API: appeals with a known history in
 * a region of the test's own; the region's manager sees exactly the figures this test counts, and
 * every figure on the dashboard opens a list whose total is that figure; a national manager compares
 * the regions and narrows to one; each panel downloads as CSV.
 */
let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;
let regionId: string;
let regionName: string;
let password: string;
let managerEmail: string;
let nationalEmail: string;
let calendar: WorkingCalendar;
let schoolMealsId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = testNow().getTime();

/** Within the dashboard's default period (the last twelve months): four decided, four open now. */
const SHAPES: Record<string, AppealShape> = {
  metSatisfied: {
    received: new Date(now - 60 * DAY),
    category: 'school_meals',
    status: 'closed',
    outcome: 'satisfied',
    decided: new Date(now - 50 * DAY),
    due: new Date(now - 40 * DAY),
  },
  missedRejected: {
    received: new Date(now - 45 * DAY),
    category: 'school_meals',
    organisation: 1,
    status: 'resolved',
    outcome: 'rejected',
    decided: new Date(now - 20 * DAY),
    due: new Date(now - 25 * DAY),
  },
  metPartly: {
    received: new Date(now - 30 * DAY),
    category: 'housing_utilities',
    confidential: true,
    status: 'resolved',
    outcome: 'partially_satisfied',
    decided: new Date(now - 25 * DAY),
    due: new Date(now - 10 * DAY),
  },
  forwarded: {
    received: new Date(now - 29 * DAY),
    status: 'forwarded',
    decided: new Date(now - 28 * DAY),
    due: new Date(now - 26 * DAY),
  },
  onTrack: {
    received: new Date(now - 1 * DAY),
    category: 'housing_utilities',
    status: 'in_progress',
    warning: new Date(now + 2 * DAY),
    due: new Date(now + 5 * DAY),
  },
  atRisk: {
    received: new Date(now - 12 * DAY),
    status: 'in_progress',
    warning: new Date(now - HOUR),
    due: new Date(now + 2 * DAY),
  },
  breached: {
    received: new Date(now - 28 * DAY),
    status: 'in_progress',
    warning: new Date(now - 5 * DAY),
    due: new Date(now - DAY),
  },
  paused: {
    received: new Date(now - 60 * DAY),
    status: 'awaiting_info',
    confidential: true,
    warning: new Date(now + 3 * DAY),
    due: new Date(now + 6 * DAY),
  },
};

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
  const scope = await regionWithStaff(t, {
    label: 'Dashboard',
    organisationNames: ['Мектеп', 'Коммуналдық шаруашылық'],
    staff: [{ role: 'manager' }, { role: 'officer' }, { role: 'manager', national: true }],
  });
  ({ regionId, regionName, calendar, password } = scope);
  schoolMealsId = scope.categories.school_meals;
  [{ email: managerEmail }, , { email: nationalEmail }] = scope.staff;
  for (const shape of Object.values(SHAPES)) await makeAppealWithHistory(scope, { channel: 'portal', ...shape });
  await t.app.get(AppealStatsRollupJob).fold({ wait: true });
}, 120_000);

afterAll(() => admin?.close());

/** The figures this test expects, counted from the shapes it made. */
function expected() {
  const shapes = Object.values(SHAPES);
  const decided = shapes.filter((s) => s.status === 'resolved' || s.status === 'closed');
  const today = calendar.localDate(testNow());
  const backlog: Record<string, number> = { '0-5': 0, '6-10': 0, '11-15': 0, '16-30': 0, '31+': 0 };
  for (const shape of shapes.filter((s) => !s.decided)) {
    const age = calendar.workingDaysBetween(calendar.registration(shape.received).registrationDate, today);
    backlog[age <= 5 ? '0-5' : age <= 10 ? '6-10' : age <= 15 ? '11-15' : age <= 30 ? '16-30' : '31+']++;
  }
  return {
    received: shapes.length,
    decided: decided.length,
    favourable: decided.filter((s) => s.outcome === 'satisfied' || s.outcome === 'partially_satisfied').length,
    onTime: decided.filter((s) => s.decided! <= s.due).length,
    open: shapes.filter((s) => !s.decided).length,
    schoolMeals: shapes.filter((s) => s.category === 'school_meals').length,
    backlog,
  };
}

const figure = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-count').then(Number);

/** Opens `href` in a fresh load of the admin, so nothing of the page before can be read. */
async function open(page: Page, href: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/${href}`);
}

/** The total a react-admin list shows ("1-3 of 3"), or 0 for its empty state. */
async function listTotal(page: Page): Promise<number> {
  const rows = page.locator('.MuiTablePagination-displayedRows');
  const empty = page.getByText(/No .* (found|yet)|No results/i);
  await rows.or(empty).first().waitFor();
  if (!(await rows.isVisible())) return 0;
  const text = (await rows.textContent()) ?? '';
  return Number(/of\s+([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? 'NaN');
}

/** Every figure on the dashboard that opens a list: its test id, the count it shows, where it leads. */
async function figureLinks(page: Page): Promise<{ testId: string; count: number; href: string }[]> {
  return page
    .getByTestId('dashboard')
    .locator('a[data-count]')
    .evaluateAll((links) =>
      links.map((link) => ({
        testId: link.getAttribute('data-testid')!,
        count: Number(link.getAttribute('data-count')),
        href: link.getAttribute('href')!,
      })),
    );
}

test("the region's manager sees exactly the figures of the appeals made, and each opens its list", async () => {
  const want = expected();
  const manager = await admin.signedInAs(managerEmail, password);
  await manager.getByTestId('panel-kpis').waitFor();
  await manager.getByTestId('dashboard-scope').filter({ hasText: regionName }).waitFor();
  // A regional manager neither chooses a region nor compares them.
  expect(await manager.getByTestId('dashboard-region').count()).toBe(0);
  expect(await manager.getByTestId('panel-regions').count()).toBe(0);

  expect(await figure(manager, 'kpi-received')).toBe(want.received);
  expect(await figure(manager, 'kpi-decided')).toBe(want.decided);
  expect(await figure(manager, 'kpi-resolution-rate')).toBe(want.favourable);
  expect(await figure(manager, 'kpi-sla-compliance')).toBe(want.onTime);
  expect(await figure(manager, 'kpi-open')).toBe(want.open);
  await expect(manager.getByTestId('kpi-received').textContent()).resolves.toBe(String(want.received));
  const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
  await expect(manager.getByTestId('kpi-resolution-rate').textContent()).resolves.toBe(
    percent(want.favourable, want.decided),
  );
  await expect(manager.getByTestId('kpi-sla-compliance').textContent()).resolves.toBe(
    percent(want.onTime, want.decided),
  );
  for (const state of ['on_track', 'at_risk', 'breached', 'paused']) {
    expect(await figure(manager, `open-${state}`)).toBe(1);
  }
  for (const [bucket, count] of Object.entries(want.backlog)) {
    expect(await figure(manager, `backlog-${bucket}`)).toBe(count);
  }
  expect(await figure(manager, `categories-${schoolMealsId}-received`)).toBe(want.schoolMeals);
  await manager.getByTestId('trend-chart').locator('.recharts-surface').first().waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/dashboard-manager.png`, fullPage: true });

  // The key figures as CSV, the same numbers.
  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByTestId('panel-kpis-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^adaldesk-kpis-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain(`Received,${want.received}\r\n`);
  expect(csv).toContain(`Decided,${want.decided}\r\n`);
  expect(csv).toContain(`Resolution rate,${(want.favourable / want.decided).toFixed(4)}\r\n`);

  // The period's printed report, for the same period and region, with the same figures.
  const [report] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByTestId('dashboard-report').click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/^adaldesk-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const lines = (await pdfPages(await readFile((await report.path())!))).flat();
  expect(lines.some((line) => line.join(' ').includes(regionName))).toBe(true);
  const row = (label: string) => lines.find((line) => line[0] === label);
  const { kpi } = REPORT_LABELS.en;
  expect(row(kpi.received)?.at(-1)).toBe(String(want.received));
  expect(row(kpi.decided)?.at(-1)).toBe(String(want.decided));
  expect(row(kpi.openTotal)?.at(-1)).toBe(String(want.open));

  // Every figure that opens a list opens one of exactly that many records.
  const links = await figureLinks(manager);
  expect(links.length).toBeGreaterThanOrEqual(20);
  // Appeals not yet triaged have no category: their row opens them too.
  expect(links.map((link) => link.testId)).toEqual(
    expect.arrayContaining(['categories-none-received', 'categories-none-open']),
  );
  for (const { testId, count, href } of links) {
    await open(manager, href);
    expect({ testId, total: await listTotal(manager) }).toEqual({ testId, total: count });
  }
  // One of them by a click, as a manager would: the decided appeals, their filters on show.
  await open(manager, '#/');
  await manager.getByTestId('kpi-decided').click();
  await manager.waitForURL(/#\/appeals\?.*filter=/);
  expect(await listTotal(manager)).toBe(want.decided);
  await manager.screenshot({ path: `${SCREENSHOTS}/dashboard-decided-list.png`, fullPage: true });
  expect(admin.pageErrors).toEqual([]);
}, 240_000);

test('a national manager compares the regions and narrows the dashboard to one', async () => {
  const want = expected();
  const national = await admin.signedInAs(nationalEmail, password);
  const regions = national.getByTestId('panel-regions');
  await regions.waitFor();
  expect(await figure(national, `regions-${regionId}-received`)).toBe(want.received);
  expect(await figure(national, `regions-${regionId}-decided`)).toBe(want.decided);
  expect(await figure(national, `regions-${regionId}-open`)).toBe(want.open);
  await national.screenshot({ path: `${SCREENSHOTS}/dashboard-national.png`, fullPage: true });

  const [download] = await Promise.all([
    national.waitForEvent('download'),
    national.getByTestId('panel-regions-csv').click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\ufeffRegion,Received,Decided,Decided in favour,Resolution rate,Decided on time,SLA compliance,Forwarded,Open',
  );
  expect(csv).toContain(`${regionName},${want.received},${want.decided},${want.favourable},`);

  const href = await national.getByTestId(`regions-${regionId}-open`).getAttribute('href');
  await open(national, href!);
  expect(await listTotal(national)).toBe(want.open);

  // Narrowed to the region by its name in the table: the same figures as its own manager's.
  await open(national, '#/');
  await regions.getByRole('button', { name: regionName }).click();
  await national.getByTestId('dashboard-scope').filter({ hasText: regionName }).waitFor();
  await national.getByTestId('panel-regions').waitFor({ state: 'detached' });
  await national.locator(`[data-testid="kpi-received"][data-count="${want.received}"]`).waitFor();
  expect(await figure(national, 'kpi-open')).toBe(want.open);
  expect(admin.pageErrors).toEqual([]);
}, 120_000);
