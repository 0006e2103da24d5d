import 'reflect-metadata';
import type { Role } from '@adaldesk/libs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/core/config/app-config.js';
import { APP_ROLE, databaseUrlAs, prepareAppRole } from '../src/core/database/app-role.js';
import { createDataSource } from '../src/core/database/data-source.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/seed/reference-data.js';
import { seedDatabase } from '../src/seed/seed.js';
import type { PinnedClock } from '../src/core/clock/clock.js';
import { testClock } from './test-clock.js';
import { ContractChecker } from './contract.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** The app's own connection, signed in as the run's member of `adaldesk_app`, as in production. */
  dataSource: DataSource;
  /** The owner of the tables, for what only the owner may do (a trigger a test puts in the way). */
  owner: { query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]> };
  /** A bearer token per demo role (admin and auditor national, the others in Almaty). */
  tokens: Record<Role, string>;
  /** The app's clock: the run's pinned present, which a test may move. */
  clock: PinnedClock;
  close(): Promise<void>;
}

/** The real application on the run's test database, with one signed-in demo user per role. */
export async function startTestApp(
  options: { adminDistDir?: string; redisUrl?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  const config = {
    ...loadConfig({
      DATABASE_URL: databaseUrl,
      APP_DATABASE_URL: testAppDatabaseUrl(),
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    }),
    adminDistDir: options.adminDistDir ?? null,
  };
  const clock = testClock();
  await prepareDatabase(databaseUrl, clock);
  const app = await createApp({
    clock,
    config,
    databaseUrl: testAppDatabaseUrl(),
    jwtSecret: 'test-secret-that-is-long-enough-to-sign-tokens',
    // Keeps this app's jobs apart from other test files' on the shared Redis and database.
    redisPrefix: `adaldesk-test-${unique()}${unique()}`,
    queueName: `adaldesk-test-${unique()}${unique()}`,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await app.init();
  const dataSource = app.get(DataSource);
  const unchecked = request(app.getHttpServer());
  // Every answer a test receives is checked against the published contract.
  const contract = new ContractChecker((await unchecked.get('/api/docs-json')).body);
  const http = contract.wrap(unchecked);
  const tokens = {} as Record<Role, string>;
  for (const demo of DEMO_USERS) tokens[demo.role] = await login(http, demo.email, DEMO_PASSWORD);
  const owner = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    app,
    http,
    dataSource,
    owner: {
      query: async <T>(sql: string, parameters?: unknown[]) => (await owner.query(sql, parameters)).rows as T[],
    },
    tokens,
    clock,
    close: async () => {
      await app.close();
      await owner.end();
    },
  };
}

/**
 * The real migrations, the demo seed and the app's login role, as the owner, once per run: test files
 * start in parallel, so one at a time.
 */
async function prepareDatabase(databaseUrl: string, clock: PinnedClock): Promise<void> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('adaldesk:test-migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDatabase(
      dataSource,
      // No demo appeals: tests count the appeals they make.
      { adminEmail: null, adminPassword: null, demoData: true, demoAppeals: 0 },
      pino({ level: 'silent' }),
      clock,
    );
    await prepareAppRole(databaseUrl, testAppDatabaseUrl(), pino({ level: 'silent' }));
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('adaldesk:test-migrations'))`);
    await runner.release();
    await dataSource.destroy();
  }
}

/**
 * Where the run's app signs in: the run's database as a login role of the run's own (`<database>_app`,
 * dropped with the database in global-teardown.mjs), made a member of `adaldesk_app` when the first
 * test app starts.
 */
export function testAppDatabaseUrl(): string {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  return databaseUrlAs(databaseUrl, `${new URL(databaseUrl).pathname.slice(1)}_app`, `${APP_ROLE}-test`);
}

export async function login(http: ReturnType<typeof request>, email: string, password: string): Promise<string> {
  const response = await http.post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A suffix that keeps the records of concurrent test files apart. */
export const unique = () => Math.random().toString(36).slice(2, 8);

/** Polls `condition` until it holds, failing after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Both BullMQ backends, for `describe.each`: the run's Redis, and PostgreSQL (no `REDIS_URL`). */
export const QUEUE_BACKENDS = [
  ['redis', { redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' }],
  ['postgres', {}],
] as const;

/** Almaty and the demo staff that timers notify there: its officer and its active managers. */
export async function almatyStaff(t: TestApp): Promise<{ almatyId: string; officerId: string; managerIds: string[] }> {
  const [{ id: almatyId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const [{ id: officerId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'officer@demo.adaldesk.kz'`);
  const managers: { id: string }[] = await t.dataSource.query(
    `SELECT id FROM users WHERE role = 'manager' AND active AND region_id = $1`,
    [almatyId],
  );
  if (managers.length === 0) throw new Error('The demo seed has no active manager in Almaty');
  return { almatyId, officerId, managerIds: managers.map((row) => row.id) };
}
