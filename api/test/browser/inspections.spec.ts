import { CHECKLIST_TEMPLATES } from '@adaldesk/libs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { demoPhoto } from '../../src/seed/demo-images.js';
import { bearer, type TestApp, unique, waitFor } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser, SCREENSHOTS, settledSteps } from './admin-browser.js';

/**
 * Inspections in Debian's Chromium against the real API, as a new inspector would try them: plan a
 * school inspection, start it, log two findings on site — 45 000 000 tenge of misused capital-repair
 * funds with a photo, and a school-meals violation. The region's manager then sees the inspection, both
 * findings and the exact amount, and downloads the photo byte for byte; an inspector of another region
 * sees none of it.
 */
let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

const PHOTO = demoPhoto(3);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function chooseOption(page: Page, name: RegExp, option: string | RegExp, type?: string) {
  const box = page.getByRole('combobox', { name });
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

async function logFinding(
  page: Page,
  finding: { kind: string; severity: string; amount: string; description: string; photo?: Buffer },
) {
  const form = page.getByTestId('quick-finding');
  await chooseOption(page, /^Kind/, finding.kind);
  await chooseOption(page, /^Severity/, finding.severity);
  await form.locator('input[name="amount"]').fill(finding.amount);
  await form.locator('textarea[name="description"]').fill(finding.description);
  if (finding.photo) {
    await form
      .getByTestId('evidence-input')
      .setInputFiles({ name: 'roof.png', mimeType: 'image/png', buffer: finding.photo });
    await form.getByTestId('chosen-photo').waitFor();
  }
  await form.locator('button[type="submit"]').click();
  await page
    .getByText(/Finding FN-\d{4}-\d{6} logged/)
    .first()
    .waitFor();
}

test('an inspector plans and runs a school inspection; the manager sees it all; another region sees nothing', async () => {
  const inspector = await admin.signedIn('inspector');

  // Plan: a school inspection today, led by the inspector (the lead left empty).
  await inspector.goto(`${baseUrl}/#/inspections/create`);
  await chooseOption(inspector, /Inspected organisation/, /№ 45/, '№ 45');
  const notes = `Capital-repair funds of school No. 45 ${unique()}`;
  await inspector.locator('textarea[name="notes"]').fill(notes);
  await inspector.locator('button[type="submit"]').click();
  await inspector.waitForURL(/#\/inspections\/[0-9a-f-]{36}\/show$/);
  const inspectionId = /inspections\/([0-9a-f-]{36})\/show/.exec(inspector.url())![1];
  await inspector.locator('[data-status="planned"]').waitFor();
  const number = (await t.dataSource.query(`SELECT number FROM inspections WHERE id = $1`, [inspectionId]))[0]
    .number as string;

  // Today's inspections: the inspector's desk lists it. Other test files plan inspections for the same
  // demo inspector, so the desk may hold more than a page: the number is searched with the desk's
  // filters still on.
  await inspector.goto(`${baseUrl}/#/inspections`);
  await inspector.locator('input[name="mine"]:checked').waitFor({ state: 'attached' });
  await inspector.locator('input[name="today"]:checked').waitFor({ state: 'attached' });
  await inspector.locator('input[name="q"]').fill(number);
  await inspector.waitForURL((url) => {
    const filter = JSON.parse(new URLSearchParams(url.hash.split('?')[1]).get('filter') ?? '{}');
    return filter.q === number && filter.mine === true && filter.today === true;
  });
  await inspector.getByText(number).first().waitFor();

  // Start it: a planned inspection offers reschedule, start and cancel; never "close" to an inspector.
  await inspector.goto(`${baseUrl}/#/inspections/${inspectionId}/show`);
  const group = inspector.getByRole('group', { name: 'Inspection steps' });
  expect(await settledSteps(inspector, 'Inspection steps')).toEqual(['plan', 'start', 'cancel']);
  await group.locator('[data-action="start"]').click();
  const dialog = inspector.getByRole('dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await inspector.locator('[data-status="in_progress"]').waitFor();
  // Its history: planned, then started, with who did it.
  const history = inspector.getByTestId('inspection-timeline');
  await history.getByText('Work started · Planned → In progress').waitFor();
  expect(await history.textContent()).toContain('inspector@demo.adaldesk.kz');

  // Two findings, the first with a photo from the "camera".
  await logFinding(inspector, {
    kind: 'Misuse of capital-repair funds',
    severity: 'Critical',
    amount: '45 000 000',
    description: 'Roof repair paid in full (45 000 000 tenge), the old roof is still in place',
    photo: PHOTO,
  });
  await logFinding(inspector, {
    kind: 'School-meals violation',
    severity: 'Medium',
    amount: '',
    description: 'Portions below the norm in the canteen; the supplier has no certificate',
  });
  const findings = inspector.getByTestId('inspection-findings');
  await waitFor(async () => (await findings.locator('tbody tr').count()) === 2);
  await inspector.screenshot({ path: `${SCREENSHOTS}/inspection-show-inspector.png`, fullPage: true });

  // The checklist answered on site, then the inspection completed.
  for (const { code } of CHECKLIST_TEMPLATES.school) {
    await inspector.locator(`[data-item="${code}"] [role="combobox"]`).click();
    await inspector
      .getByRole('option', { name: code === 'capital_repair_funds' ? 'Violation' : 'OK', exact: true })
      .click();
  }
  await inspector.getByRole('button', { name: 'Save the checklist' }).click();
  await inspector.getByText('Checklist saved').first().waitFor();
  await group.locator('[data-action="complete"]').click();
  await dialog.locator('textarea[name="summary"]').fill('Two violations found; materials prepared for referral');
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await inspector.locator('[data-status="completed"]').waitFor();
  const [stored] = await t.dataSource.query(`SELECT status, checklist FROM inspections WHERE id = $1`, [inspectionId]);
  expect(stored.status).toBe('completed');
  expect(stored.checklist).toContainEqual({ code: 'capital_repair_funds', answer: 'violation', note: null });

  const rows = await t.http
    .get('/api/findings')
    .set(bearer(t.tokens.manager))
    .query({ filter: JSON.stringify({ inspectionId }), sort: JSON.stringify(['createdAt', 'ASC']) });
  expect(rows.body.map((row: { amount: string | null }) => row.amount)).toEqual(['45000000.00', null]);
  const [misuse, meals] = rows.body as { id: string; number: string }[];

  // The region's manager: the inspection, both findings, the exact amount, and the photo.
  const manager = await admin.signedIn('manager');
  await manager.goto(`${baseUrl}/#/inspections/${inspectionId}/show`);
  await manager.getByText(number).first().waitFor();
  const managerFindings = manager.getByTestId('inspection-findings');
  await managerFindings.getByText(misuse.number).waitFor();
  await managerFindings.getByText(meals.number).waitFor();
  const amount = managerFindings.getByText('45\u00a0000\u00a0000.00\u00a0₸');
  await amount.waitFor();
  // The amount is whole on screen: the table fits the side column instead of running past its edge.
  const [amountBox, columnBox] = [await amount.boundingBox(), await managerFindings.boundingBox()];
  expect(amountBox!.x + amountBox!.width).toBeLessThanOrEqual(columnBox!.x + columnBox!.width);
  // The head signs the completed inspection off.
  const managerSteps = manager.getByRole('group', { name: 'Inspection steps' });
  await managerSteps.locator('[data-action="close"]').click();
  await manager.getByRole('dialog').locator('button[type="submit"]').click();
  await manager.locator('[data-status="closed"]').waitFor();
  await managerFindings.getByText(misuse.number).click();
  await manager.waitForURL(new RegExp(`#/findings/${misuse.id}/show$`));
  const card = manager.getByTestId('evidence-file');
  await card.waitFor();
  await card.locator('img').waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/finding-show-manager.png`, fullPage: true });
  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    card.getByTestId('evidence-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('roof.png');
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(PHOTO));
  await manager.getByTestId('refer-finding').waitFor();

  // An inspector of another region: not in the lists, and the pages do not open.
  const [{ id: astanaId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  const email = `inspector-${unique()}@astana.test.kz`;
  const password = 'Astana-tekseru-2026';
  const created = await t.http
    .post('/api/users')
    .set(bearer(t.tokens.admin))
    .send({ email, fullName: 'Астана инспекторы', role: 'inspector', regionId: astanaId, password });
  expect(created.status).toBe(201);
  const stranger = await admin.signedInAs(email, password);
  await stranger.goto(`${baseUrl}/#/findings`);
  await stranger
    .getByRole('columnheader', { name: 'Number' })
    .or(stranger.getByText('No Findings yet'))
    .first()
    .waitFor();
  expect(await stranger.getByText(misuse.number).count()).toBe(0);
  const apiAnswer = await stranger.evaluate(
    async ({ id }) => {
      const token = localStorage.getItem('adaldesk.accessToken') ?? '';
      const response = await fetch(`/api/inspections/${id}`, { headers: { Authorization: `Bearer ${token}` } });
      return response.status;
    },
    { id: inspectionId },
  );
  expect([apiAnswer]).toEqual([404]);
  await stranger.goto(`${baseUrl}/#/inspections/${inspectionId}/show`);
  await stranger
    .getByText(/not found|does not exist|No inspections record/i)
    .first()
    .waitFor();
  expect(await stranger.getByText(number).count()).toBe(0);

  expect(admin.pageErrors).toEqual([]);
}, 240_000);
