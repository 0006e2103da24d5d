import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, empty database per test run on the machine's PostgreSQL (TEST_PG_URL, default the local
 * server). Its URL reaches the test workers through the environment; the first test app to start
 * applies the real migrations and the demo seed (see test/test-app.ts).
 */
export default async function globalSetup() {
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
