import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The instant the suite's clock is pinned to unless `TEST_NOW` says otherwise: a Monday morning in
 * Almaty. `TEST_NOW=2026-12-31T18:59:00Z npm test` runs the suite on New Year's Eve, `TEST_NOW=now` on
 * the machine's date.
 */
const DEFAULT_TEST_NOW = '2026-12-07T05:30:00Z';

/**
 * A fresh, empty database per test run on the machine's PostgreSQL (TEST_PG_URL, default the local
 * server). Its URL reaches the test workers through the environment; the first test app to start
 * applies the real migrations and the demo seed (see test/test-app.ts).
 */
export default async function globalSetup() {
  const pinned = process.env.TEST_NOW === 'now' ? new Date() : new Date(process.env.TEST_NOW ?? DEFAULT_TEST_NOW);
  if (Number.isNaN(pinned.getTime())) throw new Error(`TEST_NOW is not an instant: ${process.env.TEST_NOW}`);
  process.env.TEST_NOW = pinned.toISOString();
  process.env.TEST_CLOCK_ANCHOR = String(Date.now());
  console.warn(`\nThe suite's clock is pinned to ${process.env.TEST_NOW}`);
  const serverUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `adaldesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_NAME = name;
}
