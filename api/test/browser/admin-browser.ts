import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Role } from '@adaldesk/libs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/reference-data.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { testNow } from '../test-clock.js';

const ADMIN_DIST = resolve(import.meta.dirname, '../../../admin/dist');
/** Debian's Chromium as root, headless, kept off the network this machine does not have. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** The real API serving the admin build, and Chromium to drive it. */
export interface AdminBrowser {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Uncaught errors of every page opened by `signedIn`, prefixed by role. */
  pageErrors: string[];
  /** A signed-in browser of its own for one demo user, in English, on Almaty's clock. */
  signedIn(role: Role): Promise<Page>;
  /** The same for any user, by e-mail and password (a user the test made). */
  signedInAs(email: string, password: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium: the browser tests never download one. */
const CHROMIUM = '/usr/bin/chromium';

export async function openAdminBrowser(): Promise<AdminBrowser> {
  if (!existsSync(resolve(ADMIN_DIST, 'index.html'))) {
    throw new Error(`No admin build in ${ADMIN_DIST}: run \`npm run build -w admin\` (npm test does it first)`);
  }
  const t = await startTestApp({ adminDistDir: ADMIN_DIST });
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  // A browser that cannot start must not leave the app's timers running into the next test file.
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
    .catch(async (error: unknown) => {
      await t.close();
      throw new Error(`Could not start Debian's Chromium at ${CHROMIUM} (apt-get install chromium): ${String(error)}`);
    });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  async function signedInAs(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Almaty',
      viewport: { width: 1440, height: 1000 },
    });
    contexts.push(context);
    // The page's Date reads the suite's present too, so "today" in the admin is the API's today;
    // its timers keep running on their own.
    await context.clock.setSystemTime(testNow());
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
    await page.goto(`${baseUrl}/`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.locator('a[href="#/appeals"]').waitFor();
    return page;
  }
  return {
    t,
    browser,
    baseUrl,
    pageErrors,
    signedIn: (role) => signedInAs(`${role}@demo.adaldesk.kz`, DEMO_PASSWORD),
    signedInAs,
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await t.close();
    },
  };
}

/**
 * The workflow steps a show page offers, once they have settled: each button appears after its own
 * permission check (marked `data-pending-action` meanwhile), and a record refetched after the page
 * opened asks again. Read in one go in the page, until two reads 200 ms apart agree with nothing pending.
 */
/** Waits until every finite CSS transition or animation on the page has ended (a menu or dialog fading in). */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner turns for ever: only what ends is waited for.
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

export async function settledSteps(page: Page, groupName: string): Promise<string[]> {
  await page.getByRole('group', { name: groupName, includeHidden: true }).waitFor({ state: 'attached' });
  const read = () =>
    page.evaluate((name) => {
      const group = document.querySelector(`[role="group"][aria-label="${name}"]`);
      if (!group || document.querySelector('[data-pending-action]')) return null;
      return [...group.querySelectorAll('[data-action]')].map((button) => button.getAttribute('data-action')!);
    }, groupName);
  let previous: string[] | null = null;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const current = await read();
    if (current && previous && current.join() === previous.join()) return current;
    previous = current;
    await page.waitForTimeout(200);
  }
  throw new Error(`The steps of "${groupName}" never settled`);
}
