import type { Role } from '@adaldesk/libs';
import type { Page } from 'playwright-core';
import { findingInAlmaty } from '../corrective-action-fixtures.js';
import type { TestApp } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser, SCREENSHOTS, settledSteps } from './admin-browser.js';

/**
 * Corrective actions in Debian's Chromium against the real API: the inspector sets an action with a
 * deadline of ten working days on a finding of their inspection, the region's manager sees it with
 * its deadline in the follow-up list, and the inspector records the fix and verifies it; each role
 * sees exactly the steps the shared rules give it.
 */
let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

const signedIn = (role: Role) => admin.signedIn(role);

const stepButtons = (page: Page) => settledSteps(page, 'Corrective action steps');

/** Opens a step's dialog, lets `fill` complete it, and waits for the status it leads to. */
async function takeStep(
  page: Page,
  action: string,
  status: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-status="${status}"]`).first().waitFor();
}

test('an inspector sets a corrective action on a finding, the manager sees its deadline, the inspector verifies it', async () => {
  const finding = await findingInAlmaty(t.dataSource);

  const inspector = await signedIn('inspector');
  // From the finding's page: "set a corrective action" opens the form with the finding filled in.
  await inspector.goto(`${baseUrl}/#/findings/${finding.findingId}/show`);
  await inspector.getByTestId('create-corrective-action').click();
  await inspector.waitForURL(/#\/corrective-actions\/create/);
  await inspector
    .locator('textarea[name="description"]')
    .fill('Complete the roof repair paid for in 2026 and hand in the acceptance certificate');
  await inspector.fill('input[name="responsiblePersonName"]', 'Серік Ахметов');
  await inspector.fill('input[name="responsiblePersonPosition"]', 'School director');
  await inspector.getByLabel('Working days from issue').check();
  await inspector.fill('input[name="termWorkingDays"]', '10');
  await inspector.screenshot({ path: `${SCREENSHOTS}/corrective-action-create.png`, fullPage: true });
  await inspector.locator('button[type="submit"]').click();
  await inspector.waitForURL(/#\/corrective-actions\/[0-9a-f-]{36}\/show$/);
  const id = /corrective-actions\/([0-9a-f-]{36})\/show/.exec(inspector.url())![1];
  await inspector.locator('[data-status="open"]').first().waitFor();
  await inspector.locator('[data-sla-state="on_track"]').first().waitFor();
  expect(await stepButtons(inspector)).toEqual(['report-done', 'cancel']);

  const [stored] = await t.dataSource.query(
    `SELECT number, term_working_days AS "termWorkingDays", due_at AS "dueAt", finding_id AS "findingId"
       FROM corrective_actions WHERE id = $1`,
    [id],
  );
  expect(stored).toMatchObject({ termWorkingDays: 10, findingId: finding.findingId });
  // The deadline as the manager's browser (en-US, Almaty) shows it.
  // The deadline as the interface shows it (en-GB numbers, Almaty's clock): close of business.
  const dueText = `${new Date(stored.dueAt).toLocaleDateString('en-GB', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })}, 18:00`;

  // The region's manager: the action in the follow-up list with its deadline, and only "extend".
  const manager = await signedIn('manager');
  await manager.goto(`${baseUrl}/#/corrective-actions`);
  // Other test files' open actions, due sooner, may fill the first page: the manager searches for it.
  await manager.locator('input[name="q"]').fill(stored.number);
  // The search is applied once it is in the address (after react-admin's debounce): only then is the
  // list settled, and a click no longer lands on a row about to be replaced.
  await manager.waitForURL((url) => decodeURIComponent(url.hash).includes(stored.number));
  const row = manager.locator('tr', { hasText: stored.number });
  await row.waitFor();
  await expect(row.locator('[data-sla-state="on_track"]').count()).resolves.toBe(1);
  await row.locator('[data-sla-state]').hover();
  await manager.getByRole('tooltip').getByText(dueText, { exact: false }).waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/corrective-action-list-manager.png`, fullPage: true });
  await row.getByText(stored.number).click();
  await manager.waitForURL(new RegExp(`#/corrective-actions/${id}/show$`));
  await manager.getByText(dueText, { exact: false }).first().waitFor();
  expect(await stepButtons(manager)).toEqual(['extend']);
  // The inspection's page lists it with its deadline and opens it.
  await manager.goto(`${baseUrl}/#/inspections/${finding.inspectionId}/show`);
  const onInspection = manager.getByTestId('inspection-corrective-actions').locator('tr', { hasText: stored.number });
  const badge = onInspection.locator('[data-sla-state="on_track"]');
  await badge.waitFor();
  const [badgeBox, sectionBox] = [
    await badge.boundingBox(),
    await manager.getByTestId('inspection-corrective-actions').boundingBox(),
  ];
  expect(badgeBox!.x + badgeBox!.width).toBeLessThanOrEqual(sectionBox!.x + sectionBox!.width);
  await manager.screenshot({ path: `${SCREENSHOTS}/inspection-show-manager.png`, fullPage: true });
  await onInspection.click();
  await manager.waitForURL(new RegExp(`#/corrective-actions/${id}/show$`));
  // Officers do not read corrective actions: the inspection's page has no such section for them.
  const officer = await signedIn('officer');
  await officer.goto(`${baseUrl}/#/inspections/${finding.inspectionId}/show`);
  await officer.getByTestId('inspection-findings').waitFor();
  expect(await officer.getByTestId('inspection-corrective-actions').count()).toBe(0);

  const auditor = await signedIn('auditor');
  await auditor.goto(`${baseUrl}/#/corrective-actions/${id}/show`);
  await auditor.locator('[data-status="open"]').first().waitFor();
  expect(await stepButtons(auditor)).toEqual([]);

  // The body reports the fix; the inspector checks it on site and verifies it.
  await takeStep(inspector, 'report-done', 'reported_done', async (dialog) => {
    await dialog.locator('textarea[name="reportNote"]').fill('The roof is repaired; certificate No. 17 attached');
  });
  expect(await stepButtons(inspector)).toEqual(['verify', 'reject', 'cancel']);
  await takeStep(inspector, 'verify', 'verified', async (dialog) => {
    await dialog.locator('textarea[name="verificationNote"]').fill('Checked on site: the whole roof is repaired');
  });
  expect(await stepButtons(inspector)).toEqual([]);
  await inspector.locator('[data-sla-state="met"]').first().waitFor();
  const timeline = inspector.getByTestId('corrective-action-timeline');
  await timeline.getByText('Verified').first().waitFor();
  expect(await timeline.textContent()).toContain('Fix reported');
  expect(await timeline.textContent()).toContain('Checked on site: the whole roof is repaired');
  await inspector.screenshot({ path: `${SCREENSHOTS}/corrective-action-show-inspector.png`, fullPage: true });

  // The manager sees it verified, out of the follow-up list (open and reported ones only by default).
  await manager.reload();
  await manager.locator('[data-status="verified"]').first().waitFor();
  await manager.goto(`${baseUrl}/#/corrective-actions`);
  // Other test files' open actions may fill the list, or none: either way it has loaded.
  await manager
    .locator('tbody tr')
    .or(manager.getByText(/No corrective actions? (found|yet)/i))
    .first()
    .waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/corrective-action-list-after.png`, fullPage: true });
  expect(await manager.locator('tr', { hasText: stored.number }).count()).toBe(0);
  // The finding's page lists the action, verified and met.
  await inspector.goto(`${baseUrl}/#/findings/${finding.findingId}/show`);
  const panel = inspector.getByTestId('finding-corrective-actions');
  await panel.getByText(stored.number).waitFor();
  await panel.locator('[data-status="verified"]').waitFor();
  expect(admin.pageErrors).toEqual([]);
}, 120_000);
