import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../app.factory.js';
import { ConfigError, loadConfig } from '../core/config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { openDatabase } from '../core/database/database-url.js';
import { QueueService } from '../core/queue/queue.service.js';
import { MATTERS } from '../seed/demo-appeal-texts.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/reference-data.js';
import { seedDatabase } from '../seed/seed.js';
import { bulkSeedAppeals } from './bench-data.js';
import type { IntakeLoad, IntakeResult } from './bench-intake-worker.js';

/**
 * `npm run bench [-- --appeals N] [--requests N] [--explain] [--keep | --reuse NAME]`: how the appeals API holds up on
 * a large table. A fresh database (DATABASE_URL's server, or an embedded PostgreSQL of its own in
 * .data/bench-postgres), the real migrations and seed, N bulk-loaded appeals (default 1 000 000,
 * or BENCH_APPEALS), then the real application over HTTP: list, search, getOne and intake latency
 * against the same queries in plain SQL, and SLA timer lateness on Redis and on PostgreSQL.
 * Prints each figure beside its target. The database is dropped at the end unless --keep; `--reuse
 * <name>` measures a kept one again (applying any newer migrations) without loading it anew.
 */

const TARGETS = {
  listP95: 50,
  searchP95: 150,
  listOverRaw: 1.5,
  intakePerSecond: 500,
  redisLatenessP99: 1_000,
  postgresLatenessP99: 5_000,
};
const TIMERS = 10_000;
const TIMER_SPREAD_MS = 60_000;
const INTAKE_CONCURRENCY = 8;
const INTAKE_SECONDS = 10;
/** A measured query stops after this long even if fewer requests than asked were made. */
const MAX_SECONDS_PER_MEASURE = 20;

interface Options {
  appeals: number;
  requests: number;
  explain: boolean;
  keep: boolean;
  /** A database kept by an earlier `--keep` run, measured again without reloading it. */
  reuse: string | null;
  /** Only the HTTP measurements, only the timers, or only the load (with --keep, to explain queries by hand). */
  only: 'http' | 'timers' | 'load' | null;
}

interface Figure {
  name: string;
  value: string;
  target?: string;
  pass?: boolean;
}

const figures: Figure[] = [];
const say = (message: string) => process.stdout.write(`${message}\n`);

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const whole = (raw: string | undefined, fallback: number, name: string) => {
    if (raw === undefined) return fallback;
    const number = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
    return number;
  };
  return {
    appeals: whole(value('--appeals') ?? process.env.BENCH_APPEALS, 1_000_000, '--appeals'),
    requests: whole(value('--requests'), 300, '--requests'),
    explain: argv.includes('--explain'),
    keep: argv.includes('--keep'),
    reuse: value('--reuse') ?? null,
    only: ['http', 'timers', 'load'].includes(value('--only') ?? '') ? (value('--only') as Options['only']) : null,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig({
    ...process.env,
    // Never the demo database: a data folder and port of the bench's own.
    EMBEDDED_PG_DIR: process.env.BENCH_PG_DIR ?? '.data/bench-postgres',
    EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? '54339',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
  });
  const logger = pino({ level: 'silent' });
  const server = await openDatabase(config, logger);
  const cleanups: (() => Promise<void>)[] = [async () => server.embedded?.stop()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => console.error(error));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }

  try {
    const databaseUrl = options.reuse
      ? databaseNamed(server.url, options.reuse)
      : await createBenchDatabase(server.url, options.keep, cleanups);
    say(`Bench database: ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);

    const dataSource = await createDataSource(databaseUrl).initialize();
    const migrated = await dataSource.runMigrations({ transaction: 'each' });
    if (!options.reuse) {
      await seedDatabase(
        dataSource,
        { adminEmail: null, adminPassword: null, demoData: true, demoAppeals: 0, timeZone: config.timeZone },
        logger,
      );
    }
    await dataSource.destroy();

    const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    cleanups.push(() => db.end());
    if (options.reuse) {
      const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM appeals`)).rows;
      say(`Reusing ${options.reuse}: ${count.toLocaleString('en')} appeals, ${migrated.length} new migrations applied`);
      if (migrated.length > 0) await db.query(`VACUUM ANALYZE appeals`);
    }
    const load = options.reuse ? null : await loadAppeals(db, options.appeals);
    const { rows: sizes } = await db.query(
      `SELECT pg_size_pretty(pg_table_size('appeals')) AS "table", pg_size_pretty(pg_indexes_size('appeals')) AS indexes`,
    );
    if (load) {
      say(
        `Loaded in ${seconds(load.insertMillis)}, indexes rebuilt in ${seconds(load.indexMillis)},` +
          ` VACUUM ANALYZE ${seconds(load.analyzeMillis)}`,
      );
      figures.push({ name: 'bulk load (insert + indexes)', value: seconds(load.insertMillis + load.indexMillis) });
    }
    say(`appeals: table ${sizes[0].table}, indexes ${sizes[0].indexes}`);

    if (options.only === null || options.only === 'http') await measureHttp(options, config, databaseUrl, db);
    if (options.only === null || options.only === 'timers') await measureTimers(config.redisUrl, databaseUrl);
  } finally {
    await cleanUp();
  }
  figures.push({ name: 'peak RSS of this process', value: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` });
  report();
}

async function loadAppeals(db: pg.Pool, count: number) {
  const loader = await db.connect();
  say(`Loading ${count.toLocaleString('en')} appeals ...`);
  return bulkSeedAppeals(loader, count, new Date(), say).finally(() => loader.release());
}

function databaseNamed(serverUrl: string, name: string): string {
  if (!/^adaldesk_bench_[0-9a-f]+$/.test(name))
    throw new Error(`--reuse takes a database a --keep run left, got "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database on the server for this run, dropped at the end (unless kept). */
async function createBenchDatabase(
  serverUrl: string,
  keep: boolean,
  cleanups: (() => Promise<void>)[],
): Promise<string> {
  const name = `adaldesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    if (keep) {
      say(`Kept the database ${name} (--keep); drop it with DROP DATABASE ${name}`);
      return;
    }
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  return url.toString();
}

type Config = ReturnType<typeof loadConfig>;

async function measureHttp(options: Options, config: Config, databaseUrl: string, db: pg.Pool): Promise<void> {
  const app = await createApp({
    config: { ...config, databaseUrl, adminDistDir: null },
    databaseUrl,
    jwtSecret: randomBytes(32).toString('hex'),
    logger: pino({ level: 'silent' }),
  });
  await app.listen(0, '127.0.0.1');
  try {
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}/api`;
    const token = async (role: string) => {
      const email = DEMO_USERS.find((user) => user.role === role)!.email;
      const response = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const tokens = { manager: await token('manager'), admin: await token('admin'), officer: await token('officer') };
    const get = (path: string, role: keyof typeof tokens) =>
      fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[role]}` } });

    const probe = await get('/appeals?range=[0,0]', 'admin');
    await probe.arrayBuffer();
    if (probe.status === 404) {
      say('skipped: GET /api/appeals answers 404 (the appeals API is not there yet): no list, search or getOne');
    } else {
      await measureReads(options, db, get);
    }
    await measureIntake(base, tokens.officer, db);
  } finally {
    await app.close();
  }
}

const listPath = (filter: object, sort = '["receivedAt","DESC"]') =>
  `/appeals?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(sort)}&range=${encodeURIComponent('[0,24]')}`;

const SEARCH_WORDS = {
  kk: ['мектеп', 'жөндеу', 'тамақ', 'баға', 'әкімдік', 'жылу'],
  ru: ['ремонт', 'питание', 'закуп', 'цены', 'поликлиник', 'отопление'],
};

async function measureReads(
  options: Options,
  db: pg.Pool,
  get: (path: string, role: 'manager' | 'admin' | 'officer') => Promise<Response>,
): Promise<void> {
  const n = options.requests;
  const { rows: regionRows } = await db.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const almaty = regionRows[0].id as string;
  const inProgress = { status: 'in_progress' };

  const managerList = await latency('list in_progress, manager (Almaty)', n, () =>
    get(listPath(inProgress), 'manager'),
  );
  const adminList = await latency('list in_progress, admin (national)', n, () => get(listPath(inProgress), 'admin'));
  await latency('list all, manager (Almaty)', n, () => get(listPath({}), 'manager'));
  await latency('list all by due date, admin', n, () => get(listPath({}, '["dueAt","ASC"]'), 'admin'));
  for (const stats of [managerList, adminList]) {
    if (stats) figures.push(targeted(`${stats.label} p95`, stats.p95, TARGETS.listP95));
  }
  for (const role of ['manager', 'admin'] as const) {
    for (const language of ['kk', 'ru'] as const) {
      const words = SEARCH_WORDS[language];
      const stats = await latency(`search q (${language} words), ${role}`, n, (i) =>
        get(listPath({ q: words[i % words.length] }), role),
      );
      if (stats) figures.push(targeted(`${stats.label} p95`, stats.p95, TARGETS.searchP95));
    }
  }

  const { rows: ids } = await db.query(`SELECT id FROM appeals WHERE region_id = $1 ORDER BY random() LIMIT 500`, [
    almaty,
  ]);
  const getOne = await latency('getOne, manager', n, (i) => get(`/appeals/${ids[i % ids.length].id}`, 'manager'));
  if (getOne) figures.push({ name: 'getOne p50 / p95', value: `${ms(getOne.p50)} / ${ms(getOne.p95)}` });

  // The same list as plain SQL: the page and its count, as react-admin needs both.
  const rawPage = `SELECT * FROM appeals WHERE region_id = $1 AND status = 'in_progress'
                    ORDER BY received_at DESC, id ASC LIMIT 25`;
  const rawCount = `SELECT count(*) FROM appeals WHERE region_id = $1 AND status = 'in_progress'`;
  const raw = await timed(n, async () => {
    await db.query(rawPage, [almaty]);
    await db.query(rawCount, [almaty]);
  });
  say(`  raw SQL page + count (manager's list) p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}`);
  const rawNational = await timed(n, async () => {
    await db.query(`SELECT * FROM appeals WHERE status = 'in_progress' ORDER BY received_at DESC, id ASC LIMIT 25`);
    await db.query(`SELECT count(*) FROM appeals WHERE status = 'in_progress'`);
  });
  say(`  raw SQL page + count (admin's list) p50 ${ms(rawNational.p50)}, p95 ${ms(rawNational.p95)}`);
  if (managerList) {
    figures.push(
      targeted('list / raw SQL, manager (p50)', managerList.p50 / raw.p50, TARGETS.listOverRaw, '<=', ratio),
    );
  }
  if (adminList) {
    figures.push(
      targeted('list / raw SQL, admin (p50)', adminList.p50 / rawNational.p50, TARGETS.listOverRaw, '<=', ratio),
    );
  }

  if (options.explain) {
    const search = `%${SEARCH_WORDS.kk[0]}%`;
    await explain(db, 'manager list page', rawPage, [almaty]);
    await explain(db, 'manager list count', rawCount, [almaty]);
    await explain(db, 'admin list count', `SELECT count(*) FROM appeals WHERE status = 'in_progress'`, []);
    await explain(
      db,
      'manager search page',
      `SELECT * FROM appeals WHERE region_id = $1
          AND (number ILIKE $2 OR description ILIKE $2 OR applicant_name ILIKE $2)
        ORDER BY received_at DESC, id ASC LIMIT 25`,
      [almaty, search],
    );
    await explain(
      db,
      'manager search count',
      `SELECT count(*) FROM appeals WHERE region_id = $1
          AND (number ILIKE $2 OR description ILIKE $2 OR applicant_name ILIKE $2)`,
      [almaty, search],
    );
  }
}

async function explain(db: pg.Pool, label: string, sql: string, parameters: unknown[]): Promise<void> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
  say(`\nEXPLAIN ANALYZE — ${label}\n${rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
}

/** POSTs new appeals with INTAKE_CONCURRENCY clients for INTAKE_SECONDS, from a worker thread; the rate of 201s. */
async function measureIntake(base: string, token: string, db: pg.Pool): Promise<void> {
  const { rows } = await db.query(
    `SELECT r.id AS "regionId", (SELECT id FROM categories WHERE code = 'school_meals') AS "categoryId",
            (SELECT id FROM organisations WHERE region_id = r.id ORDER BY name LIMIT 1) AS "organisationId"
       FROM regions r WHERE r.code = 'KZ-75'`,
  );
  const load = (seconds: number, concurrency: number): Promise<IntakeResult> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./bench-intake-worker.js', import.meta.url), {
        workerData: {
          base,
          token,
          place: rows[0],
          sentences: [...MATTERS.school_meals.kk, ...MATTERS.school_meals.ru],
          concurrency,
          seconds,
        } satisfies IntakeLoad,
      });
      worker.once('message', (result: IntakeResult) => resolve(result));
      worker.once('error', reject);
    });
  const probe = await load(0.001, 1);
  if (probe.statuses[404]) {
    say('skipped: POST /api/appeals answers 404: no intake rate');
    return;
  }
  if (probe.firstFailure) {
    say(`skipped intake: POST /api/appeals failed: ${probe.firstFailure}`);
    return;
  }
  const result = await load(INTAKE_SECONDS, INTAKE_CONCURRENCY);
  const created = result.statuses[201] ?? 0;
  const summary = summarise(result.durations);
  say(
    `  intake: ${created} created in ${result.elapsedSeconds.toFixed(1)} s with ${INTAKE_CONCURRENCY} clients; ` +
      `statuses ${JSON.stringify(result.statuses)}; p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}`,
  );
  if (result.firstFailure) say(`  first failure: ${result.firstFailure}`);
  figures.push(
    targeted(
      'intake POST /api/appeals',
      created / result.elapsedSeconds,
      TARGETS.intakePerSecond,
      '>=',
      (v) => `${v.toFixed(0)}/s`,
    ),
  );
}

/** 10 000 timers due over the next minute on each queue backend: how late do they fire? */
async function measureTimers(redisUrl: string | null, databaseUrl: string): Promise<void> {
  const redis = redisUrl ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(redis)) {
    const prefix = `adaldesk-bench-${randomBytes(4).toString('hex')}`;
    try {
      await timerLateness(
        'Redis',
        new QueueService({ redisUrl: redis, databaseUrl, redisPrefix: prefix }),
        TARGETS.redisLatenessP99,
      );
    } finally {
      await deleteRedisKeys(redis, prefix);
    }
  } else {
    say(`skipped: no Redis at ${redis} (set REDIS_URL)`);
    figures.push({ name: 'timer lateness on Redis', value: 'skipped: no Redis' });
  }
  await timerLateness(
    'PostgreSQL',
    new QueueService({
      redisUrl: null,
      databaseUrl,
      queueName: `adaldesk-bench-timers-${randomBytes(4).toString('hex')}`,
    }),
    TARGETS.postgresLatenessP99,
  );
}

async function timerLateness(backend: string, queue: QueueService, targetP99: number): Promise<void> {
  const lateness: number[] = [];
  const fired = new Set<string>();
  let repeats = 0;
  try {
    queue.handle('bench-timer', async (data, job) => {
      // Jobs run at least once: a repeat is counted, not timed.
      if (fired.has(job.id)) return void repeats++;
      fired.add(job.id);
      // Late against its due time, or against when it was scheduled if that came after.
      lateness.push(Date.now() - Math.max(Number(data.due), Number(data.scheduledAt)));
    });
    const start = Date.now() + 5_000;
    const scheduling = Date.now();
    for (let batch = 0; batch < TIMERS; batch += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, TIMERS - batch) }, (_, k) => {
          const index = batch + k;
          const due = start + Math.floor((index * TIMER_SPREAD_MS) / TIMERS);
          return queue.schedule(`bench-${index}`, 'bench-timer', { due, scheduledAt: Date.now() }, new Date(due));
        }),
      );
    }
    const schedulingSeconds = (Date.now() - scheduling) / 1000;
    const deadline = start + TIMER_SPREAD_MS + 60_000;
    while (lateness.length < TIMERS && Date.now() < deadline) await sleep(250);
    const stats = summarise(lateness);
    say(
      `  timers on ${backend}: ${lateness.length}/${TIMERS} fired, ${repeats} twice` +
        ` (scheduled in ${schedulingSeconds.toFixed(1)} s); ` +
        `lateness p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}`,
    );
    figures.push(
      lateness.length < TIMERS
        ? { name: `timer lateness p99 on ${backend}`, value: `${TIMERS - lateness.length} never fired`, pass: false }
        : targeted(`timer lateness p99 on ${backend}`, stats.p99, targetP99),
    );
  } finally {
    await queue.onApplicationShutdown();
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** The bench's own keys only: they all start with its random prefix. */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

interface Stats {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** `n` sequential requests after a warm-up; null (with a message) when the endpoint is missing. */
async function latency(label: string, n: number, request: (i: number) => Promise<Response>): Promise<Stats | null> {
  const first = await request(0);
  const firstBody = await first.text();
  if (first.status === 404) {
    say(`skipped: ${label}: 404 ${firstBody.slice(0, 200)}`);
    return null;
  }
  if (!first.ok) {
    say(`skipped: ${label}: ${first.status} ${firstBody.slice(0, 300)}`);
    return null;
  }
  const total = first.headers.get('content-range')?.split('/')[1] ?? '?';
  for (let i = 1; i < 10; i++) await (await request(i)).arrayBuffer();
  const failures: number[] = [];
  const stats = await timed(n, async (i) => {
    const response = await request(i);
    await response.arrayBuffer();
    if (!response.ok) failures.push(response.status);
  });
  say(
    `  ${label}: p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)} over ${stats.count} requests` +
      ` (total ${total})` +
      (failures.length ? `; ${failures.length} failed: ${[...new Set(failures)].join(', ')}` : ''),
  );
  return { ...stats, label };
}

async function timed(n: number, run: (i: number) => Promise<void>): Promise<Omit<Stats, 'label'>> {
  const durations: number[] = [];
  const stopAt = Date.now() + MAX_SECONDS_PER_MEASURE * 1000;
  for (let i = 0; i < n && Date.now() < stopAt; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  return summarise(durations);
}

function summarise(values: number[]): Omit<Stats, 'label'> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, count: sorted.length };
}

function targeted(
  name: string,
  value: number,
  target: number,
  comparison: '<' | '<=' | '>=' = '<',
  format: (value: number) => string = ms,
): Figure {
  const pass = comparison === '<' ? value < target : comparison === '<=' ? value <= target : value >= target;
  return { name, value: format(value), target: `${comparison} ${format(target)}`, pass };
}

function report(): void {
  const width = Math.max(...figures.map((figure) => figure.name.length));
  say('\nResults');
  for (const figure of figures) {
    const verdict = figure.pass === undefined ? '' : figure.pass ? 'PASS' : 'FAIL';
    say(
      `  ${figure.name.padEnd(width)}  ${figure.value.padStart(12)}  ${(figure.target ?? '').padEnd(10)}  ${verdict}`,
    );
  }
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const ratio = (value: number) => `${value.toFixed(2)}x`;
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;
const sleep = (millis: number) => new Promise((done) => setTimeout(done, millis));

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
