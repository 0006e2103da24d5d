import { readFile } from 'node:fs/promises';
import { type AppealAction, type Role, withCheckDigit } from '@adaldesk/libs';
import type { Page } from 'playwright-core';
import { type TestApp, unique } from '../test-app.js';
import { type AdminBrowser, animationsSettled, openAdminBrowser, SCREENSHOTS, settledSteps } from './admin-browser.js';

/**
 * Appeals in Debian's Chromium against the real API: an officer registers an appeal that arrived on a
 * Friday evening and sees it will be registered on Monday, triages and starts it and asks for more
 * time; the manager is told and may approve; the inspector never sees the applicant; every role sees
 * exactly the workflow buttons the shared rules give it.
 */

/** Friday 20 November 2026, 19:30 in Almaty: after working hours before a weekend. */
const FRIDAY_EVENING_LOCAL = '2026-11-20T19:30';

/**
 * The buttons each role must see on an appeal in progress whose officer has asked for an extension,
 * read off libs/src/permissions/abilities.ts: only heads approve it, and no second request is offered.
 */
const BUTTONS_WITH_EXTENSION_PENDING: Record<Role, AppealAction[]> = {
  officer: ['request-info', 'forward', 'resolve'],
  manager: ['request-info', 'approve-extension', 'forward', 'resolve'],
  admin: ['request-info', 'approve-extension', 'forward', 'resolve'],
  inspector: [],
  auditor: [],
};

let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

const signedIn = (role: Role) => admin.signedIn(role);

async function openAppeal(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl}/#/appeals/${id}/show`);
  // A role without any step gets an empty, zero-sized group: present, not visible.
  await page.getByRole('group', { name: 'Workflow steps', includeHidden: true }).waitFor({ state: 'attached' });
}

const workflowButtons = (page: Page) => settledSteps(page, 'Workflow steps');

/** Opens a step's dialog, lets `fill` complete it, confirms, and waits for the status it leads to. */
async function takeStep(
  page: Page,
  action: AppealAction,
  status: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(status, { exact: true }).first().waitFor();
}

test('an appeal from a Friday evening is registered on Monday, worked, and each role sees only what the rules give it', async () => {
  const applicantName = `Айгүл Тестова-${unique()}`;
  const iin = withCheckDigit('88021545012') ?? withCheckDigit('88021545013')!;
  const wrongIin = iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10);

  // The officer registers the appeal; the preview shows Monday's registration and its deadline.
  const officer = await signedIn('officer');
  await officer.goto(`${baseUrl}/#/appeals/create`);
  await officer.getByRole('combobox', { name: /Channel/ }).click();
  await officer.getByRole('option', { name: 'Call centre 109' }).click();
  await officer.getByRole('combobox', { name: /Kind/ }).click();
  await officer.getByRole('option', { name: 'Complaint' }).click();
  await officer.fill('input[name="receivedAt"]', FRIDAY_EVENING_LOCAL);
  await officer.fill('textarea[name="description"]', 'The school roof was paid for in 2025 and has not been repaired.');
  await officer.fill('input[name="applicantName"]', applicantName);
  await officer.fill('input[name="applicantIin"]', wrongIin);
  await officer.fill('input[name="applicantPhone"]', '+7 701 555 01 02');

  const preview = officer.getByTestId('deadline-preview');
  await preview.getByText(/Monday,? 23 November 2026/).waitFor();
  // The registration day does not count: 15 working days after Monday 23 November end on Monday 14 December.
  await preview.getByText(/Deadline: Monday,? 14 December 2026/).waitFor();
  expect(await preview.textContent()).toContain('next working day');

  // A wrong IIN is refused by its check digit before anything is sent.
  await officer.locator('button[type="submit"]').click();
  await officer.getByText(/Not a valid IIN/).waitFor();
  await officer.fill('input[name="applicantIin"]', iin);
  await officer.screenshot({ path: `${SCREENSHOTS}/appeal-create.png`, fullPage: true });
  await officer.locator('button[type="submit"]').click();
  await officer.waitForURL(/#\/appeals\/[0-9a-f-]{36}\/show$/);
  const id = /appeals\/([0-9a-f-]{36})\/show/.exec(officer.url())![1];

  const [stored] = await t.dataSource.query(
    `SELECT to_char(registered_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS registered,
            to_char(due_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS due, applicant_iin AS iin
       FROM appeals WHERE id = $1`,
    [id],
  );
  expect(stored).toEqual({ registered: '2026-11-23 09:00', due: '2026-12-14 18:00', iin });

  // Registered: the officer may triage or forward it.
  await officer.getByText(applicantName).waitFor();
  expect(await workflowButtons(officer)).toEqual(['triage', 'forward']);

  await takeStep(officer, 'triage', 'Triaged', async (dialog) => {
    await dialog.getByRole('combobox', { name: /Category/ }).click();
    await officer.getByRole('option', { name: 'School capital repairs' }).click();
  });
  expect(await workflowButtons(officer)).toEqual(['triage', 'start', 'forward']);

  await takeStep(officer, 'start', 'In progress');
  expect(await workflowButtons(officer)).toEqual(['request-info', 'request-extension', 'forward', 'resolve']);

  await takeStep(officer, 'request-extension', 'In progress', async (dialog) => {
    await dialog.locator('input[name="days"]').fill('5');
    await dialog.locator('textarea[name="reason"]').fill('An expert opinion on the roof is needed.');
  });
  await officer.getByTestId('extension-request').waitFor();
  expect(await workflowButtons(officer)).toEqual(BUTTONS_WITH_EXTENSION_PENDING.officer);
  await officer.getByTestId('appeal-timeline').getByText('Extension requested').waitFor();
  await officer.screenshot({ path: `${SCREENSHOTS}/appeal-show-officer.png`, fullPage: true });

  // The manager is notified of the request and may approve it.
  const manager = await signedIn('manager');
  const bell = manager.getByRole('button', { name: /unread notification/ });
  await bell.click();
  const [{ number }] = await t.dataSource.query(`SELECT number FROM appeals WHERE id = $1`, [id]);
  await manager.getByRole('menuitem', { name: `Extension requested: ${number}` }).waitFor();
  await animationsSettled(manager); // the menu fades in
  await manager.screenshot({ path: `${SCREENSHOTS}/notifications-manager.png` });
  await manager.getByRole('menuitem', { name: `Extension requested: ${number}` }).click();
  await manager.waitForURL(new RegExp(`#/appeals/${id}/show$`));
  expect(await workflowButtons(manager)).toEqual(BUTTONS_WITH_EXTENSION_PENDING.manager);
  await manager.screenshot({ path: `${SCREENSHOTS}/appeal-show-manager.png`, fullPage: true });

  // Every other role: exactly the buttons the rules allow.
  for (const role of ['admin', 'inspector', 'auditor'] as const) {
    const page = await signedIn(role);
    await openAppeal(page, id);
    await page.getByText(number, { exact: true }).first().waitFor();
    expect({ role, buttons: await workflowButtons(page) }).toEqual({
      role,
      buttons: BUTTONS_WITH_EXTENSION_PENDING[role],
    });
    if (role === 'inspector') {
      // Neither the appeal nor the list shows the applicant to an inspector.
      expect(await page.locator('body').textContent()).not.toContain(applicantName);
      await page.screenshot({ path: `${SCREENSHOTS}/appeal-show-inspector.png`, fullPage: true });
      // Other test files fill the list in parallel: look the appeal up by its number.
      await page.goto(`${baseUrl}/#/appeals?filter=${encodeURIComponent(JSON.stringify({ q: number }))}`);
      await page.locator('table tbody tr', { hasText: number }).waitFor();
      expect(await page.locator('body').textContent()).not.toContain(applicantName);
      expect(await page.locator('body').textContent()).not.toContain(iin);
      await page.screenshot({ path: `${SCREENSHOTS}/appeal-list-inspector.png`, fullPage: true });
    }
  }

  // The manager approves: the deadline moves by five working days, over Independence Day (16 December).
  await takeStep(manager, 'approve-extension', 'In progress');
  await manager.getByTestId('extension-request').waitFor({ state: 'detached' });
  const [approved] = await t.dataSource.query(
    `SELECT extension_days AS days, to_char(due_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS due
       FROM appeals WHERE id = $1`,
    [id],
  );
  expect(approved).toEqual({ days: 5, due: '2026-12-22' });

  // The manager's notifications page lists the one read; in Kazakh the steps read in the office's words.
  await manager.goto(`${baseUrl}/#/notifications?filter=${encodeURIComponent(JSON.stringify({ entityId: id }))}`);
  // On a suite date past the appeal's deadline its breach is there too: any row of it will do.
  await manager.locator('table tbody tr', { hasText: number }).first().waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/notifications-list-manager.png`, fullPage: true });
  await manager.getByRole('button', { name: /english/i }).click();
  await manager.getByRole('menuitem', { name: 'Қазақша' }).click();
  await manager.goto(`${baseUrl}/#/appeals/${id}/show`);
  await manager.getByRole('button', { name: 'Шешу' }).click();
  await manager.getByRole('dialog').getByText('Нәтижесі').first().waitFor();
  await animationsSettled(manager); // the dialog fades in
  await manager.screenshot({ path: `${SCREENSHOTS}/appeal-resolve-kk.png`, fullPage: true });
  await manager.getByRole('dialog').getByRole('button', { name: 'Болдырмау' }).click();

  // Back on the list, the officer finds it among the unassigned appeals, takes it with the bulk
  // "assign", and exports the list as CSV.
  await officer.goto(`${baseUrl}/#/appeals?filter=${encodeURIComponent(JSON.stringify({ q: number }))}`);
  await officer.getByRole('button', { name: 'Add filter' }).click();
  await officer.getByRole('menuitemcheckbox', { name: 'Unassigned' }).click();
  await officer.waitForURL(/assigneeId_null%22%3Atrue/);
  const row = officer.locator('table tbody tr', { hasText: number });
  await row.waitFor();
  await row.locator('input[type="checkbox"]').check();
  await officer.getByRole('button', { name: 'Assign' }).click();
  const assignDialog = officer.getByRole('dialog');
  await assignDialog.getByRole('combobox', { name: /Assignee/ }).fill('Омарова');
  await officer.getByRole('option', { name: 'Дина Омарова' }).click();
  await assignDialog.locator('button[type="submit"]').click();
  // Assigned now: it leaves the unassigned list.
  await officer.getByText(/No Appeals found using the current filters/).waitFor();
  await officer.goto(`${baseUrl}/#/appeals?filter=${encodeURIComponent(JSON.stringify({ q: number }))}`);
  await row.getByText('Дина Омарова').waitFor();
  const [{ assignee }] = await t.dataSource.query(
    `SELECT u.email AS assignee FROM appeals a JOIN users u ON u.id = a.assignee_id WHERE a.id = $1`,
    [id],
  );
  expect(assignee).toBe('officer@demo.adaldesk.kz');

  await officer.goto(`${baseUrl}/#/appeals`);
  await officer.getByRole('textbox', { name: 'Search' }).fill(number);
  await officer.waitForURL(/filter=/);
  const [download] = await Promise.all([
    officer.waitForEvent('download'),
    officer.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^appeals-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(number);
  await officer.waitForTimeout(500);
  expect(await officer.getByRole('button', { name: 'Export' }).isEnabled()).toBe(true);
  await officer.screenshot({ path: `${SCREENSHOTS}/appeal-list-officer.png`, fullPage: true });

  expect(admin.pageErrors).toEqual([]);
}, 180_000);
