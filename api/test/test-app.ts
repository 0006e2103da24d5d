import 'reflect-metadata';
import type { Role } from '@adaldesk/libs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/core/config/app-config.js';
import { createDataSource } from '../src/core/database/data-source.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/seed/reference-data.js';
import { seedDatabase } from '../src/seed/seed.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** A bearer token per demo role (admin and auditor national, the others in Almaty). */
  tokens: Record<Role, string>;
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
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    }),
    adminDistDir: options.adminDistDir ?? null,
  };
  await prepareDatabase(databaseUrl);
  const app = await createApp({
    config,
    databaseUrl,
    jwtSecret: 'test-secret-that-is-long-enough-to-sign-tokens',
    // Keeps this app's jobs apart from other test files' on the shared Redis and database.
    redisPrefix: `adaldesk-test-${unique()}${unique()}`,
    queueName: `adaldesk-test-${unique()}${unique()}`,
    logger: pino({ level: 'silent' }),
  });
  await app.init();
  const dataSource = app.get(DataSource);
  const http = request(app.getHttpServer());
  const tokens = {} as Record<Role, string>;
  for (const demo of DEMO_USERS) tokens[demo.role] = await login(http, demo.email, DEMO_PASSWORD);
  return { app, http, dataSource, tokens, close: () => app.close() };
}

/** The real migrations and the demo seed, once per run: test files start in parallel, so one at a time. */
async function prepareDatabase(databaseUrl: string): Promise<void> {
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
    );
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('adaldesk:test-migrations'))`);
    await runner.release();
    await dataSource.destroy();
  }
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
