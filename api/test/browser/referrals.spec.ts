import type { ReferralAction, Role } from '@adaldesk/libs';
import type { Page } from 'playwright-core';
import { bearer, type TestApp, unique, waitFor } from '../test-app.js';
import { type AdminBrowser, openAdminBrowser, SCREENSHOTS, settledSteps } from './admin-browser.js';
import { testNow } from '../test-clock.js';

/**
 * Referrals in Debian's Chromium against the real API: an officer refers an appeal to the
 * prosecutor's office in one click and steps it through review, case opened, sent to court and a
 * conviction with damages; the manager's funnel shows it at once; each role sees exactly the funnel
 * steps the shared rules give it.
 */
/**
 * The funnel is read for the prosecutor's office: no other test file takes a referral of that agency
 * past review, so the counts from "case opened" on move only with this test.
 */
const AGENCY = 'prosecutor';
const FUNNEL_URL = `/#/referrals?filter=${encodeURIComponent(JSON.stringify({ agency: AGENCY }))}`;

let admin: AdminBrowser;
let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  admin = await openAdminBrowser();
  ({ t, baseUrl } = admin);
}, 60_000);

afterAll(() => admin?.close());

const signedIn = (role: Role) => admin.signedIn(role);

const stepButtons = (page: Page) => settledSteps(page, 'Funnel steps');

/** Opens a step's dialog (dated today by default), lets `fill` complete it, and waits for the stage. */
async function takeStep(
  page: Page,
  action: ReferralAction,
  stage: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-stage="${stage}"]`).first().waitFor();
}

/** The funnel figures the manager's list shows, once they have loaded. */
async function funnelFigures(page: Page) {
  await page.goto(`${baseUrl}${FUNNEL_URL}`);
  await page.reload();
  const panel = page.getByTestId('funnel-panel');
  await panel.waitFor();
  const figure = async (name: string) => (await panel.getByTestId(`funnel-${name}`).textContent()) ?? '';
  return {
    caseOpened: Number(await figure('case-opened')),
    sentToCourt: Number(await figure('sent-to-court')),
    convicted: Number(await figure('convicted')),
    damages: await figure('damages'),
  };
}

const cents = (amount: string) => BigInt(amount.replace('.', ''));

test('an officer refers an appeal and steps it to a conviction; the manager sees the funnel move', async () => {
  const [{ id: almatyId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const [{ id: schoolId }] = await t.dataSource.query(
    `SELECT id FROM organisations WHERE name = '№ 45 жалпы білім беретін мектеп'`,
  );
  const appeal = await t.http
    .post('/api/appeals')
    .set(bearer(t.tokens.officer))
    .send({
      channel: 'call_center_109',
      kind: 'report',
      receivedAt: new Date(testNow().getTime() - 10 * 86_400_000).toISOString(),
      regionId: almatyId,
      organisationId: schoolId,
      description: `The school director signed for a roof repair that was never done ${unique()}`,
      applicantName: 'Гүлнар Сапарова',
    });
  expect(appeal.status).toBe(201);

  const manager = await signedIn('manager');
  const before = await funnelFigures(manager);
  const apiBefore = await t.http
    .get('/api/stats/referral-funnel')
    .query({ agency: AGENCY })
    .set(bearer(t.tokens.manager));

  // One click on the appeal opens the referral form with the appeal chosen.
  const officer = await signedIn('officer');
  await officer.goto(`${baseUrl}/#/appeals/${appeal.body.id}/show`);
  await officer.getByText(appeal.body.number).first().waitFor();
  await officer.getByTestId('refer-appeal').click();
  await officer.waitForURL(/#\/referrals\/create/);
  // The prefilled appeal's label loads after the form: wait for it (slow when the machine is busy).
  const appealInput = officer.getByRole('combobox', { name: /Appeal/ });
  await waitFor(async () => (await appealInput.inputValue()) === appeal.body.number, 20_000).catch(() => undefined);
  expect(await appealInput.inputValue()).toBe(appeal.body.number);
  await officer.getByRole('combobox', { name: /Agency/ }).click();
  await officer.getByRole('option', { name: "Prosecutor's office" }).click();
  await officer.fill('input[name="summary"]', 'Roof repair paid for and not done at school No. 45');
  await officer.getByRole('button', { name: 'Add' }).click();
  await officer.fill('input[name="persons.0.fullName"]', 'Қанат Әбенов');
  await officer.fill('input[name="persons.0.position"]', 'Director');
  await officer.screenshot({ path: `${SCREENSHOTS}/referral-create.png`, fullPage: true });
  await officer.locator('button[type="submit"]').click();
  await officer.waitForURL(/#\/referrals\/[0-9a-f-]{36}\/show$/);
  const id = /referrals\/([0-9a-f-]{36})\/show/.exec(officer.url())![1];
  await officer.locator('[data-stage="referred"]').first().waitFor();
  expect(await stepButtons(officer)).toEqual(['start-review', 'refuse']);

  // Every other role: exactly the steps the rules allow.
  for (const [role, buttons] of [
    ['auditor', []],
    ['inspector', []],
    ['admin', ['start-review', 'refuse']],
  ] as const) {
    const page = await signedIn(role);
    await page.goto(`${baseUrl}/#/referrals/${id}/show`);
    await page.locator('[data-stage="referred"]').first().waitFor();
    expect({ role, buttons: await stepButtons(page) }).toEqual({ role, buttons });
    // The referral carries nothing of the applicant.
    expect(await page.locator('body').textContent()).not.toContain('Сапарова');
  }

  await takeStep(officer, 'start-review', 'under_review');
  expect(await stepButtons(officer)).toEqual(['open-case', 'refuse']);
  await takeStep(officer, 'open-case', 'case_opened', async (dialog) => {
    await dialog.locator('input[name="registerNumber"]').fill('267500031000451');
  });
  await takeStep(officer, 'send-to-court', 'sent_to_court');
  await takeStep(officer, 'record-verdict', 'verdict', async (dialog) => {
    await dialog.getByRole('combobox', { name: /Verdict/ }).click();
    await officer.getByRole('option', { name: 'Convicted' }).click();
    await dialog
      .locator('textarea[name="sanctions"]')
      .fill('4 years of imprisonment; barred from public office for life');
    await dialog.locator('input[name="damagesRecovered"]').fill('1 250 000,50');
  });
  expect(await stepButtons(officer)).toEqual([]);
  const funnel = officer.getByTestId('referral-funnel');
  await funnel
    .getByText(/Recorded by officer@demo\.adaldesk\.kz/)
    .first()
    .waitFor();
  expect(await officer.locator('body').textContent()).toContain('1\u00a0250\u00a0000.50\u00a0₸');
  await officer.screenshot({ path: `${SCREENSHOTS}/referral-show-officer.png`, fullPage: true });

  const [stored] = await t.dataSource.query(
    `SELECT status, verdict, damages_recovered::text AS damages, register_number AS "registerNumber", appeal_id AS "appealId"
       FROM referrals WHERE id = $1`,
    [id],
  );
  expect(stored).toEqual({
    status: 'verdict',
    verdict: 'convicted',
    damages: '1250000.50',
    registerNumber: '267500031000451',
    appealId: appeal.body.id,
  });

  // The manager's funnel has moved by this one referral, the damages by its amount exactly.
  const after = await funnelFigures(manager);
  expect(after).toMatchObject({
    caseOpened: before.caseOpened + 1,
    sentToCourt: before.sentToCourt + 1,
    convicted: before.convicted + 1,
  });
  const apiAfter = await t.http
    .get('/api/stats/referral-funnel')
    .query({ agency: AGENCY })
    .set(bearer(t.tokens.manager));
  expect(cents(apiAfter.body.damagesRecovered) - cents(apiBefore.body.damagesRecovered)).toBe(125_000_050n);
  expect(after.damages).not.toBe(before.damages);
  await manager.screenshot({ path: `${SCREENSHOTS}/referral-list-manager.png`, fullPage: true });

  await manager.goto(`${baseUrl}/#/referrals/board`);
  const verdicts = manager.locator('[data-stage-column="verdict"]');
  await verdicts
    .getByText(stored.registerNumber ? /RF-\d{4}-\d{6}/ : /x/)
    .first()
    .waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/referral-board-manager.png`, fullPage: true });
  const [{ number }] = await t.dataSource.query(`SELECT number FROM referrals WHERE id = $1`, [id]);
  await verdicts.getByText(number).click();
  await manager.waitForURL(new RegExp(`#/referrals/${id}/show$`));

  // In Kazakh the stages read in the office's words.
  await manager.getByRole('button', { name: /english/i }).click();
  await manager.getByRole('menuitem', { name: 'Қазақша' }).click();
  await manager.getByText('Айыптау үкімі').first().waitFor();
  await manager.getByText('Қылмыстық іс қозғалды').first().waitFor();
  await manager.screenshot({ path: `${SCREENSHOTS}/referral-show-kk.png`, fullPage: true });

  expect(admin.pageErrors).toEqual([]);
}, 180_000);
