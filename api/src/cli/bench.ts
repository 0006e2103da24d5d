import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../core/config/app-config.js';
import { databaseUrlAs } from '../core/database/app-role.js';
import { createDataSource } from '../core/database/data-source.js';
import { openDatabase } from '../core/database/database-url.js';
import { QueueService } from '../core/queue/queue.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/reference-data.js';
import { seedDatabase } from '../seed/seed.js';
import { SystemClock } from '../core/clock/clock.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { AppealStatsRollupJob } from '../stats/jobs/appeal-stats-rollup.job.js';
import { benchSentences, bulkSeedAppeals } from './bench-data.js';
import { type Answer, BenchClient } from './bench-http.js';
import type { IntakeLoad, IntakeResult } from './bench-intake-worker.js';

/**
 * `npm run bench [-- --appeals N] [--requests N] [--explain] [--stats] [--keep | --reuse NAME]`: how the appeals API holds up on
 * a large table. A fresh database (DATABASE_URL's server, or an embedded PostgreSQL of its own in
 * .data/bench-postgres), the real migrations and seed, N bulk-loaded appeals (default 1 000 000,
 * or BENCH_APPEALS), then the real application over HTTP: list, search, getOne and intake latency
 * against the same queries in plain SQL, and SLA timer lateness on Redis and on PostgreSQL.
 * Prints each figure beside its target. The database is dropped at the end unless --keep; `--reuse
 * <name>` measures a kept one again (applying any newer migrations) without loading it anew.
 * `--stats` adds the statistics endpoints (`--only stats` measures only them), with appeals over
 * thirteen months. `--timers N` sets how many SLA-like timers fall due in the measured minute (10 000
 * by default) and `--cpu-hogs N` spins N busy processes beside them, to measure on a loaded machine.
 */

const TARGETS = {
  listP95: 50,
  searchP95: 150,
  listOverRaw: 1.5,
  intakePerSecond: 500,
  redisLatenessP99: 1_000,
  postgresLatenessP99: 5_000,
  statsP95: 200,
  statsFreshness: 60_000,
};
/** Statistics compare periods over a year: their load spans thirteen months. */
const STATS_SPAN_DAYS = 400;
const TIMER_SPREAD_MS = 60_000;
const INTAKE_SECONDS = 10;
const INTAKE_WARM_UP_SECONDS = 2;
/** Requests per role sent to a freshly started API before anything is measured. */
const WARM_UP_REQUESTS = 100;
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
  only: 'http' | 'timers' | 'load' | 'stats' | null;
  /** Measure the statistics endpoints too (and load thirteen months of appeals rather than ten). */
  stats: boolean;
  /** With --reuse: build the statistics rollups again even if the kept database has them. */
  rebuildStats: boolean;
  /** Concurrent clients posting appeals in the intake measurement. */
  intakeClients: number;
  /** Timers scheduled over one minute on each queue backend. */
  timers: number;
  /** Busy processes spinning beside the timer measurement, to see the queue on a loaded machine. */
  cpuHogs: number;
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
    only: ['http', 'timers', 'load', 'stats'].includes(value('--only') ?? '')
      ? (value('--only') as Options['only'])
      : null,
    stats: argv.includes('--stats') || value('--only') === 'stats',
    rebuildStats: argv.includes('--rebuild-stats'),
    intakeClients: whole(value('--intake-clients'), 8, '--intake-clients') || 8,
    timers: whole(value('--timers'), 10_000, '--timers') || 10_000,
    cpuHogs: whole(value('--cpu-hogs'), 0, '--cpu-hogs'),
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
        new SystemClock(),
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
    const load = options.reuse ? null : await loadAppeals(db, options.appeals, options.stats ? STATS_SPAN_DAYS : 300);
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

    if (options.only === null || options.only === 'http')
      await measureHttp(options, config, databaseUrl, db, server.embedded ? config.embeddedPostgresDir : null);
    if (options.only === null || options.only === 'timers') await measureTimers(options, config.redisUrl, databaseUrl);
    if (options.stats && (options.only === null || options.only === 'stats')) {
      await measureStats(options, config, databaseUrl, db, server.embedded ? config.embeddedPostgresDir : null);
    }
  } finally {
    await cleanUp();
  }
  figures.push({ name: 'peak RSS of this process', value: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` });
  report();
}

async function loadAppeals(db: pg.Pool, count: number, spanDays: number) {
  const loader = await db.connect();
  say(`Loading ${count.toLocaleString('en')} appeals received over ${spanDays} days ...`);
  return bulkSeedAppeals(loader, count, new Date(), say, spanDays).finally(() => loader.release());
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

async function measureHttp(
  options: Options,
  config: Config,
  databaseUrl: string,
  db: pg.Pool,
  postgresDir: string | null,
): Promise<void> {
  await buildStatsRollups(config, databaseUrl, db, false);
  const api = await startApiProcess(databaseUrl);
  const client = new BenchClient(`${api.origin}/api`);
  try {
    const base = `${api.origin}/api`;
    const tokens = {
      manager: await loginAs(base, 'manager'),
      admin: await loginAs(base, 'admin'),
      officer: await loginAs(base, 'officer'),
    };
    const get = (path: string, role: keyof typeof tokens) =>
      client.get(path, { authorization: `Bearer ${tokens[role]}` });

    const probe = await get('/appeals?range=[0,0]', 'admin');
    if (probe.status === 404) {
      say('skipped: GET /api/appeals answers 404 (the appeals API is not there yet): no list, search or getOne');
    } else {
      // A server that has been up a while has its code compiled: the first endpoint measured should
      // not pay for that alone.
      for (let i = 0; i < WARM_UP_REQUESTS; i++) {
        for (const role of ['manager', 'admin'] as const) await get(listPath({ status: 'triaged' }), role);
      }
      await measureReads(options, db, get);
    }
    await measureIntake(base, tokens.officer, db, { apiPid: api.pid, postgresDir }, options.intakeClients);
  } finally {
    client.close();
    await api.stop();
  }
}

/**
 * The API as it runs in production, in a process of its own (`node api/dist/api/src/main.js`) on the
 * bench database: the load it is measured with comes from this process, as a real client's would
 * come from another machine, and its CPU time can be read apart from the client's.
 */
async function startApiProcess(databaseUrl: string): Promise<{ origin: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const { REDIS_URL: _redis, ...environment } = process.env;
  const child = spawn(process.execPath, [fileURLToPath(new URL('../main.js', import.meta.url))], {
    env: {
      ...environment,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      // The API on a login role of the bench's own, as production runs it: not the owner.
      APP_DATABASE_URL: databaseUrlAs(databaseUrl, 'adaldesk_bench', randomBytes(24).toString('hex')),
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Production's level: a line per request, as `npm start` writes them (here to /dev/null).
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode} before it answered`);
    const health = await fetch(`${origin}/api/health`).catch(() => null);
    if (health?.ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('The API did not answer /api/health within two minutes');
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return {
    origin,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/**
 * The statistics: the rollups built from scratch, then p50/p95 of every stats endpoint for a
 * regional manager and a national admin over the last twelve months, how long a new appeal and a
 * decision take to show in the figures, and the intake rate with and without the trigger that queues
 * changes for the rollups.
 */
async function measureStats(
  options: Options,
  config: Config,
  databaseUrl: string,
  db: pg.Pool,
  postgresDir: string | null,
): Promise<void> {
  await buildStatsRollups(config, databaseUrl, db, options.rebuildStats);
  const { rows: open } = await db.query(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE paused_since IS NOT NULL)::int AS paused FROM appeals WHERE decided_at IS NULL`,
  );
  say(`  open appeals: ${open[0].open} (${open[0].paused} paused)`);

  const api = await startApiProcess(databaseUrl);
  const client = new BenchClient(`${api.origin}/api`);
  try {
    const base = `${api.origin}/api`;
    const tokens = {
      manager: await loginAs(base, 'manager'),
      admin: await loginAs(base, 'admin'),
      officer: await loginAs(base, 'officer'),
    };
    const get = (path: string, role: keyof typeof tokens) =>
      client.get(path, { authorization: `Bearer ${tokens[role]}` });
    const paths = [
      '/stats/overview',
      '/stats/trend',
      ...['region', 'category', 'organisation', 'channel', 'assignee', 'month'].map(
        (dimension) => `/stats/breakdown?dimension=${dimension}`,
      ),
      '/stats/findings',
      '/stats/referral-funnel',
      // The printable report: every figure above, drawn as a PDF.
      '/stats/report?lang=kk',
    ];
    for (const role of ['manager', 'admin'] as const) {
      for (const path of paths) {
        const stats = await latency(
          `${path} ${role === 'manager' ? 'regional manager' : 'national admin'}`,
          options.requests,
          () => get(path, role),
        );
        if (stats) figures.push(targeted(`${stats.label} p95`, stats.p95, TARGETS.statsP95));
      }
    }
    await measureFreshness(base, tokens, db);
    await db.query(`ALTER TABLE appeals DISABLE TRIGGER appeals_stats_on_insert`);
    say('  intake without the statistics trigger:');
    await measureIntake(
      base,
      tokens.officer,
      db,
      { apiPid: api.pid, postgresDir },
      options.intakeClients,
      ' (without the stats trigger)',
    );
    await db.query(`ALTER TABLE appeals ENABLE TRIGGER appeals_stats_on_insert`);
    say('  intake with the statistics trigger:');
    await measureIntake(
      base,
      tokens.officer,
      db,
      { apiPid: api.pid, postgresDir },
      options.intakeClients,
      ' (with the stats trigger)',
    );
  } finally {
    client.close();
    await api.stop();
  }
}

/**
 * Builds the statistics rollups (timed, as a figure) unless the database has them already, or again
 * when `force`. Before the API starts: a running office's database has them, and their first build
 * takes the database's CPU for a while, which would land on whatever the bench measures meanwhile.
 */
async function buildStatsRollups(config: Config, databaseUrl: string, db: pg.Pool, force: boolean): Promise<void> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    const [state] = await dataSource.query(`SELECT built_at FROM appeal_stats_state`);
    if (state?.built_at && !force) {
      say('  statistics rollups already built in this database (--rebuild-stats builds them again)');
      return;
    }
    const rollups = new AppealStatsRollupJob(
      dataSource,
      new WorkingCalendarService(dataSource, config),
      config,
      new SystemClock(),
    );
    const build = await rollups.rebuild();
    const { rows } = await db.query(
      `SELECT count(*)::int AS rows, pg_size_pretty(pg_total_relation_size('appeal_stats_rollup')) AS size,
              (SELECT pg_size_pretty(pg_total_relation_size('appeal_stats_facts'))) AS facts
         FROM appeal_stats_rollup`,
    );
    say(
      `  statistics rollups built in ${seconds(build.millis)}: ${rows[0].rows} rows (${rows[0].size}), facts ${rows[0].facts}`,
    );
    figures.push({ name: 'stats rollups built from scratch', value: seconds(build.millis) });
  } finally {
    await dataSource.destroy();
  }
}

/** A new appeal (officer) and a decision (manager) in Almaty: how long until the manager's overview counts them. */
async function measureFreshness(
  base: string,
  tokens: { manager: string; officer: string },
  db: pg.Pool,
): Promise<void> {
  const call = async (method: string, path: string, token: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const today = (await call('GET', '/stats/overview', tokens.manager)).to as string;
  const overview = () => call('GET', `/stats/overview?from=${today}&to=${today}`, tokens.manager);
  const until = async (label: string, changed: (figures: Record<string, unknown>) => boolean) => {
    const started = Date.now();
    while (!changed(await overview())) {
      if (Date.now() - started > 120_000) throw new Error(`${label}: not in the figures after two minutes`);
      await sleep(100);
    }
    const millis = Date.now() - started;
    say(`  ${label} shows in the figures after ${seconds(millis)}`);
    figures.push(targeted(`stats freshness: ${label}`, millis, TARGETS.statsFreshness));
  };

  const { rows } = await db.query(
    `SELECT r.id AS "regionId", (SELECT id FROM categories WHERE code = 'school_meals') AS "categoryId"
       FROM regions r WHERE r.code = 'KZ-75'`,
  );
  const before = await overview();
  await call('POST', '/appeals', tokens.officer, {
    channel: 'portal',
    kind: 'complaint',
    receivedAt: new Date().toISOString(),
    regionId: rows[0].regionId,
    categoryId: rows[0].categoryId,
    description: 'Bench: мектеп асханасындағы тамақ сапасы туралы шағым.',
    applicantName: 'Bench Applicant',
  });
  await until('a new appeal', (figures) => figures.received === Number(before.received) + 1);

  const { rows: open } = await db.query(
    `SELECT id, version FROM appeals WHERE region_id = $1 AND status = 'in_progress' ORDER BY received_at DESC LIMIT 1`,
    [rows[0].regionId],
  );
  const decided = await overview();
  await call('POST', `/appeals/${open[0].id}/actions/resolve`, tokens.manager, {
    version: open[0].version,
    outcome: 'satisfied',
    resolutionText: 'Bench: resolved to measure how fresh the statistics are.',
  });
  await until('a decision', (figures) => figures.decided === Number(decided.decided) + 1);
}

async function loginAs(base: string, role: string): Promise<string> {
  const email = DEMO_USERS.find((user) => user.role === role)!.email;
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
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
  get: (path: string, role: 'manager' | 'admin' | 'officer') => Promise<Answer>,
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
  const managerRatio =
    managerList &&
    (await againstRawSql(
      "manager's list",
      n,
      () => get(listPath(inProgress), 'manager'),
      async () => {
        await db.query(rawPage, [almaty]);
        await db.query(rawCount, [almaty]);
      },
    ));
  const adminRatio =
    adminList &&
    (await againstRawSql(
      "admin's list",
      n,
      () => get(listPath(inProgress), 'admin'),
      async () => {
        await db.query(`SELECT * FROM appeals WHERE status = 'in_progress' ORDER BY received_at DESC, id ASC LIMIT 25`);
        await db.query(`SELECT count(*) FROM appeals WHERE status = 'in_progress'`);
      },
    ));
  if (managerRatio !== null) {
    figures.push(targeted('list / raw SQL, manager (p50)', managerRatio, TARGETS.listOverRaw, '<=', ratio));
  }
  if (adminRatio !== null) {
    figures.push(targeted('list / raw SQL, admin (p50)', adminRatio, TARGETS.listOverRaw, '<=', ratio));
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

/** POSTs new appeals with `clients` concurrent clients for INTAKE_SECONDS, from a worker thread; the rate of 201s. */
async function measureIntake(
  base: string,
  token: string,
  db: pg.Pool,
  cpu: { apiPid: number; postgresDir: string | null },
  clients: number,
  label = '',
): Promise<void> {
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
          // As varied as the loaded appeals: runs of intake on a kept database must not pile thousands of
          // one matter's texts onto the newest end, which searches for other words then walk through.
          sentences: benchSentences(),
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
  // Unmeasured: the intake path compiled and the pools filled, as in a server that has been taking appeals.
  await load(INTAKE_WARM_UP_SECONDS, clients);
  const apiBefore = cpuSeconds((pid) => pid === cpu.apiPid);
  const postgresBefore = postgresCpuSeconds(cpu.postgresDir);
  const result = await load(INTAKE_SECONDS, clients);
  const apiAfter = cpuSeconds((pid) => pid === cpu.apiPid);
  const postgresAfter = postgresCpuSeconds(cpu.postgresDir);
  const created = result.statuses[201] ?? 0;
  const summary = summarise(result.durations);
  say(
    `  intake: ${created} created in ${result.elapsedSeconds.toFixed(1)} s with ${clients} clients; ` +
      `statuses ${JSON.stringify(result.statuses)}; p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}`,
  );
  if (created > 0) {
    // CPU per appeal says where the time goes on a busy machine, where the rate alone would only drop.
    const perAppeal = (before: number | null, after: number | null) =>
      before === null || after === null ? 'n/a' : `${(((after - before) * 1000) / created).toFixed(2)} ms`;
    figures.push({
      name: 'intake CPU per appeal, API / PostgreSQL',
      value: `${perAppeal(apiBefore, apiAfter)} / ${perAppeal(postgresBefore, postgresAfter)}`,
    });
  }
  if (result.firstFailure) say(`  first failure: ${result.firstFailure}`);
  figures.push(
    targeted(
      `intake POST /api/appeals, ${clients} clients${label}`,
      created / result.elapsedSeconds,
      TARGETS.intakePerSecond,
      '>=',
      (v) => `${v.toFixed(0)}/s`,
    ),
  );
}

/**
 * CPU seconds used so far by the embedded PostgreSQL (its postmaster and every backend); null for a
 * server of another's (DATABASE_URL) or where it cannot be read.
 */
function postgresCpuSeconds(dataDir: string | null): number | null {
  if (dataDir === null) return null;
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(resolve(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  return cpuSeconds((pid, parent) => pid === postmaster || parent === postmaster);
}

/**
 * CPU seconds (user + system, every thread) used so far by the processes chosen and by their children
 * that have exited, from /proc; null off Linux. The exited children count: PostgreSQL's backends and
 * autovacuum workers come and go, and a worker that exits mid-measurement took its CPU time out of a
 * sum of the live ones (an intake once measured at -13.65 ms of PostgreSQL per appeal).
 */
function cpuSeconds(chosen: (pid: number, parent: number) => boolean): number | null {
  const ticksPerSecond = 100;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const entry of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command name (which may hold spaces): state, ppid, … utime, stime, and the same of the
    // children it has waited for (fields 14 to 17).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (chosen(Number(entry), Number(fields[1]))) {
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
  }
  return ticks / ticksPerSecond;
}

/**
 * `--timers` timers (10 000 by default) due over the next minute on each queue backend: how late do
 * they fire, and does any fire twice or never? With `--cpu-hogs N`, N busy processes spin beside it.
 */
async function measureTimers(options: Options, redisUrl: string | null, databaseUrl: string): Promise<void> {
  const hogs = startCpuHogs(options.cpuHogs);
  try {
    const redis = redisUrl ?? 'redis://127.0.0.1:6379';
    if (await redisAnswers(redis)) {
      const prefix = `adaldesk-bench-${randomBytes(4).toString('hex')}`;
      try {
        await timerLateness(
          'Redis',
          options.timers,
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
      options.timers,
      new QueueService({
        redisUrl: null,
        databaseUrl,
        queueName: `adaldesk-bench-timers-${randomBytes(4).toString('hex')}`,
      }),
      TARGETS.postgresLatenessP99,
    );
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
}

/** Processes that only burn CPU, so that the queue is measured on a machine with other work. */
function startCpuHogs(count: number) {
  if (count > 0) say(`  ${count} busy processes spin beside the timers`);
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore', detached: false }),
  );
}

async function timerLateness(backend: string, count: number, queue: QueueService, targetP99: number): Promise<void> {
  const lateness: number[] = [];
  const fired = new Set<string>();
  let repeats = 0;
  try {
    queue.handle('bench-timer', async (data, job) => {
      // A repeat is counted, not timed: the domain's handlers re-read the database, but none should come.
      if (fired.has(job.id)) return void repeats++;
      fired.add(job.id);
      // Late against its due time, or against when it was scheduled if that came after.
      lateness.push(Date.now() - Math.max(Number(data.due), Number(data.scheduledAt)));
    });
    const start = Date.now() + 5_000;
    const scheduling = Date.now();
    for (let batch = 0; batch < count; batch += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, count - batch) }, (_, k) => {
          const index = batch + k;
          const due = start + Math.floor((index * TIMER_SPREAD_MS) / count);
          return queue.schedule(`bench-${index}`, 'bench-timer', { due, scheduledAt: Date.now() }, new Date(due));
        }),
      );
    }
    const schedulingSeconds = (Date.now() - scheduling) / 1000;
    const deadline = Math.max(start + TIMER_SPREAD_MS, Date.now()) + 60_000;
    while (lateness.length < count && Date.now() < deadline) await sleep(250);
    // A job run twice would come just after the first run: give it a moment to show.
    await sleep(2_000);
    const stats = summarise(lateness);
    say(
      `  timers on ${backend}: ${lateness.length}/${count} fired, ${repeats} twice` +
        ` (scheduled in ${schedulingSeconds.toFixed(1)} s); ` +
        `lateness p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}`,
    );
    const name = `timer lateness p99 on ${backend}, ${count.toLocaleString('en')} timers`;
    if (lateness.length < count) {
      figures.push({ name, value: `${count - lateness.length} never fired`, pass: false });
    } else if (repeats > 0) {
      figures.push({ name, value: `${repeats} fired twice`, pass: false });
    } else {
      figures.push(targeted(name, stats.p99, targetP99));
    }
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
async function latency(label: string, n: number, request: (i: number) => Promise<Answer>): Promise<Stats | null> {
  const first = await request(0);
  const firstBody = first.body.toString('utf8');
  if (first.status === 404) {
    say(`skipped: ${label}: 404 ${firstBody.slice(0, 200)}`);
    return null;
  }
  if (!first.ok) {
    say(`skipped: ${label}: ${first.status} ${firstBody.slice(0, 300)}`);
    return null;
  }
  const total = first.header('content-range')?.split('/')[1] ?? '?';
  for (let i = 1; i < 10; i++) await request(i);
  const failures: number[] = [];
  const stats = await timed(n, async (i) => {
    const response = await request(i);
    if (!response.ok) failures.push(response.status);
  });
  say(
    `  ${label}: p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)} over ${stats.count} requests` +
      ` (total ${total})` +
      (failures.length ? `; ${failures.length} failed: ${[...new Set(failures)].join(', ')}` : ''),
  );
  return { ...stats, label };
}

/**
 * The API's list against its SQL run straight on the database, the two taken in turns, so that
 * whatever else the machine does at the time weighs on both alike; the ratio of their medians.
 */
async function againstRawSql(
  label: string,
  n: number,
  request: () => Promise<Answer>,
  raw: () => Promise<void>,
): Promise<number> {
  for (let i = 0; i < 10; i++) {
    await request();
    await raw();
  }
  const api: number[] = [];
  const sql: number[] = [];
  const stopAt = Date.now() + MAX_SECONDS_PER_MEASURE * 1000;
  for (let i = 0; i < n && Date.now() < stopAt; i++) {
    let start = performance.now();
    const response = await request();
    api.push(performance.now() - start);
    if (!response.ok) throw new Error(`${label}: ${response.status} ${response.body.toString('utf8').slice(0, 200)}`);
    start = performance.now();
    await raw();
    sql.push(performance.now() - start);
  }
  const [viaApi, direct] = [summarise(api), summarise(sql)];
  say(
    `  ${label} and its raw SQL (page + count) in turns: API p50 ${ms(viaApi.p50)}, p95 ${ms(viaApi.p95)}; ` +
      `raw SQL p50 ${ms(direct.p50)}, p95 ${ms(direct.p95)}`,
  );
  return viaApi.p50 / direct.p50;
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
