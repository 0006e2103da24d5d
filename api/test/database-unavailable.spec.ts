import { createServer } from 'node:net';
import pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { bearer, startTestApp, type TestApp, waitFor } from './test-app.js';

/**
 * A database that cannot be reached is the server's trouble, not the client's, and passes: 503 with
 * `Retry-After`, never 500. The app's pool is pointed at a port nobody listens on and its open
 * connections are ended by PostgreSQL (`pg_terminate_backend`), so only this file's app loses its
 * database, not the other test files sharing the server.
 */
let t: TestApp;
let pool: { options: Record<string, unknown>; totalCount: number; _clients: { processID: number | null }[] };
let reachable: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  pool = (t.dataSource.driver as PostgresDriver).master;
  reachable = { ...pool.options };
});
afterAll(async () => {
  pool.options = reachable;
  await t?.close();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

async function cutOffDatabase(): Promise<void> {
  const port = await closedPort();
  const url = new URL(String(reachable.connectionString ?? process.env.TEST_DATABASE_URL));
  url.hostname = '127.0.0.1';
  url.port = String(port);
  pool.options = { ...reachable, connectionString: url.toString(), host: '127.0.0.1', port };
  const pids = pool._clients.map((client) => client.processID).filter((pid) => pid !== null);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  } finally {
    await admin.end();
  }
  // The pool drops each client as it hears its connection end.
  await waitFor(async () => pool.totalCount === 0);
}

test('with PostgreSQL out of reach, reads, writes, exports and sign-in are 503 with Retry-After', async () => {
  expect((await t.http.get('/api/regions').set(bearer(t.tokens.admin))).status).toBe(200);
  await cutOffDatabase();

  const answers = [
    await t.http.get('/api/regions').set(bearer(t.tokens.admin)),
    await t.http.get('/api/regions/export').set(bearer(t.tokens.admin)),
    await t.http.get('/api/stats/overview').set(bearer(t.tokens.manager)),
    await t.http.post('/api/auth/login').send({ email: 'admin@demo.adaldesk.kz', password: 'whatever-it-is' }),
  ];
  for (const response of answers) {
    expect({ status: response.status, retryAfter: response.headers['retry-after'], body: response.body }).toEqual({
      status: 503,
      retryAfter: expect.stringMatching(/^\d+$/),
      body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database/) },
    });
  }

  pool.options = reachable;
  await waitFor(async () => (await t.http.get('/api/regions').set(bearer(t.tokens.admin))).status === 200);
});
