import {
  checkPasswordStrength,
  DEFAULT_PRICE_BASELINE_MIN_OBSERVATIONS,
  DEFAULT_PRICE_BASELINE_WINDOW_DAYS,
  DEFAULT_PRICE_RISE_THRESHOLD_PERCENT,
} from '@adaldesk/libs';

/** Everything the application reads from the environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: string;
  /** The owner, which runs the migrations and the seed. Unset: an embedded PostgreSQL is started in `embeddedPostgresDir`. */
  databaseUrl: string | null;
  /** The API's own sign-in, a role that owns nothing. Unset: `adaldesk_app`, its password kept beside the data folder. */
  appDatabaseUrl: string | null;
  embeddedPostgresDir: string;
  embeddedPostgresPort: number;
  /** Unset: BullMQ runs on its PostgreSQL backend. */
  redisUrl: string | null;
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  corsOrigins: string[];
  timeZone: string;
  workdayStart: string;
  workdayEnd: string;
  logLevel: string;
  adminDistDir: string | null;
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For (login limits, audit trail). */
  trustProxy: boolean;
  /** `smtp://user:pass@host:port`; unset: notifications stay in the application. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** The address people open AdalDesk at, for links in e-mails. */
  publicUrl: string;
  /** How often the SLA reconciler re-creates missing timers and flags overdue cases. */
  slaReconcileSeconds: number;
  /** Days a referral may go without an outcome update before its owner and managers are reminded. */
  referralFollowUpDays: number;
  /** A price more than this many percent above its baseline is flagged (a product may override it). */
  priceRiseThresholdPercent: number;
  /** Days of observations before an observation's day whose median is its baseline. */
  priceBaselineWindowDays: number;
  /** Fewer observations than this in the window: no baseline, nothing flagged. */
  priceBaselineMinObservations: number;
  /** Rows one CSV import of prices may hold. */
  priceImportMaxRows: number;
  /** How often appeals changed since the last fold are folded into the statistics' rollups. */
  statsRollupSeconds: number;
  /** Where evidence files of findings are kept, and how big one may be. */
  evidence: EvidenceConfig;
}

export interface EvidenceConfig {
  /** `local`: files under `dir`; `s3`: objects in an S3-compatible bucket. */
  storage: 'local' | 's3';
  dir: string;
  maxBytes: number;
  /** Where an upload is written while its type, size and hash are checked: the machine's temporary folder unless set. */
  stagingDir: string | null;
  s3: {
    bucket: string | null;
    /** Unset: AWS itself; set for MinIO and other S3-compatible stores. */
    endpoint: string | null;
    region: string;
    /** Bucket in the path (`host/bucket/key`), as MinIO-like stores want, rather than in the host name. */
    forcePathStyle: boolean;
    /** Unset: the SDK's usual credential chain (environment, profile, instance role). */
    accessKeyId: string | null;
    secretAccessKey: string | null;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === null) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const nodeEnv = text('NODE_ENV') ?? 'development';
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const appDatabaseUrl = text('APP_DATABASE_URL');
  if (appDatabaseUrl !== null && !/^postgres(ql)?:\/\/.+/.test(appDatabaseUrl)) {
    problems.push('APP_DATABASE_URL must be a postgres:// URL');
  }
  if (appDatabaseUrl !== null && databaseUrl === null) {
    problems.push('APP_DATABASE_URL needs DATABASE_URL, the owner that runs the migrations');
  }
  if (appDatabaseUrl === null && databaseUrl !== null && nodeEnv === 'production') {
    problems.push("APP_DATABASE_URL, the API's own role, is required with DATABASE_URL when NODE_ENV=production");
  }
  const redisUrl = text('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\/.+/.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }
  const jwtSecret = text('JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (jwtSecret === null && nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production');

  const adminEmail = text('ADMIN_EMAIL');
  const adminPassword = text('ADMIN_PASSWORD');
  if ((adminEmail === null) !== (adminPassword === null)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
    problems.push('ADMIN_EMAIL must be an e-mail address');
  }
  if (adminPassword !== null) {
    const weakness = checkPasswordStrength(adminPassword, adminEmail ?? '');
    if (weakness) problems.push(`ADMIN_PASSWORD ${weakness}`);
  }

  const timeZone = text('APP_TIME_ZONE') ?? 'Asia/Almaty';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`APP_TIME_ZONE must be an IANA time zone such as Asia/Almaty, got "${timeZone}"`);
  }
  const workdayStart = text('WORKDAY_START') ?? '09:00';
  const workdayEnd = text('WORKDAY_END') ?? '18:00';
  if (!TIME_OF_DAY.test(workdayStart)) problems.push('WORKDAY_START must be HH:MM');
  if (!TIME_OF_DAY.test(workdayEnd)) problems.push('WORKDAY_END must be HH:MM');
  if (TIME_OF_DAY.test(workdayStart) && TIME_OF_DAY.test(workdayEnd) && workdayStart >= workdayEnd) {
    problems.push('WORKDAY_START must be before WORKDAY_END');
  }
  const smtpUrl = text('SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\/.+/.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const smtpFrom = text('SMTP_FROM') ?? 'AdalDesk <noreply@adaldesk.local>';
  const publicUrl = text('PUBLIC_URL') ?? `http://localhost:${env.PORT?.trim() || 3000}`;
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) problems.push('PUBLIC_URL must be an http:// or https:// address');
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const corsOrigins = (text('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" must be like https://host[:port]`);
  }

  const config: AppConfig = {
    port: integer('PORT', 3000, 1, 65535),
    host: text('HOST') ?? '0.0.0.0',
    nodeEnv,
    databaseUrl,
    appDatabaseUrl,
    embeddedPostgresDir: text('EMBEDDED_PG_DIR') ?? '.data/postgres',
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    redisUrl,
    jwtSecret,
    jwtTtlSeconds: integer('JWT_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    adminEmail,
    adminPassword,
    demoData: bool('DEMO_DATA', databaseUrl === null),
    corsOrigins,
    timeZone,
    workdayStart,
    workdayEnd,
    logLevel,
    adminDistDir: text('ADMIN_DIST_DIR'),
    trustProxy: bool('TRUST_PROXY', false),
    smtpUrl,
    smtpFrom,
    publicUrl: publicUrl.replace(/\/$/, ''),
    slaReconcileSeconds: integer('SLA_RECONCILE_SECONDS', 60, 5, 24 * 3600),
    referralFollowUpDays: integer('REFERRAL_FOLLOW_UP_DAYS', 30, 1, 365),
    priceRiseThresholdPercent: integer('PRICE_RISE_THRESHOLD_PERCENT', DEFAULT_PRICE_RISE_THRESHOLD_PERCENT, 1, 1000),
    priceBaselineWindowDays: integer('PRICE_BASELINE_WINDOW_DAYS', DEFAULT_PRICE_BASELINE_WINDOW_DAYS, 1, 365),
    priceBaselineMinObservations: integer(
      'PRICE_BASELINE_MIN_OBSERVATIONS',
      DEFAULT_PRICE_BASELINE_MIN_OBSERVATIONS,
      1,
      1000,
    ),
    priceImportMaxRows: integer('PRICE_IMPORT_MAX_ROWS', 5000, 1, 50_000),
    statsRollupSeconds: integer('STATS_ROLLUP_SECONDS', 15, 1, 3600),
    evidence: evidenceConfig(text, integer, bool, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function evidenceConfig(
  text: (name: string) => string | null,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  bool: (name: string, fallback: boolean) => boolean,
  problems: string[],
): EvidenceConfig {
  const storage = text('EVIDENCE_STORAGE') ?? 'local';
  if (storage !== 'local' && storage !== 's3') problems.push(`EVIDENCE_STORAGE must be local or s3, got "${storage}"`);
  const bucket = text('EVIDENCE_S3_BUCKET');
  if (storage === 's3' && bucket === null) problems.push('EVIDENCE_S3_BUCKET is required when EVIDENCE_STORAGE=s3');
  const endpoint = text('EVIDENCE_S3_ENDPOINT');
  if (endpoint !== null && !/^https?:\/\/[^\s]+$/.test(endpoint)) {
    problems.push('EVIDENCE_S3_ENDPOINT must be an http:// or https:// address');
  }
  const accessKeyId = text('EVIDENCE_S3_ACCESS_KEY_ID');
  const secretAccessKey = text('EVIDENCE_S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    problems.push('EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY must be set together');
  }
  return {
    storage: storage === 's3' ? 's3' : 'local',
    dir: text('EVIDENCE_DIR') ?? '.data/evidence',
    maxBytes: integer('EVIDENCE_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    stagingDir: text('EVIDENCE_STAGING_DIR'),
    s3: {
      bucket,
      endpoint,
      region: text('EVIDENCE_S3_REGION') ?? 'us-east-1',
      forcePathStyle: bool('EVIDENCE_S3_FORCE_PATH_STYLE', false),
      accessKeyId,
      secretAccessKey,
    },
  };
}

/** One environment variable `loadConfig` reads, described for the configuration reference. */
export interface ConfigVariable {
  /** The setting it fills, a path into `AppConfig` (`evidence.s3.region`): its default is read from `loadConfig({})`. */
  setting: string;
  meaning: string;
  /** What the default means, when its value alone does not say (unset, or depending on another variable). */
  unset?: string;
}

/**
 * Every variable above, in the order the reference lists them. Documentation only: `loadConfig` does
 * not read it. `npm run docs:config` writes docs/configuration.md from it and from `loadConfig` itself
 * (defaults, and the checks a bad value fails), and a test fails when a variable is missing here.
 */
export const CONFIG_VARIABLES: Record<string, ConfigVariable> = {
  PORT: { setting: 'port', meaning: 'the port the API (`/api`) and the admin UI (`/`) are served on' },
  HOST: { setting: 'host', meaning: 'the address to listen on' },
  NODE_ENV: {
    setting: 'nodeEnv',
    meaning: '`production` makes `JWT_SECRET` (and `APP_DATABASE_URL` with `DATABASE_URL`) required',
  },
  DATABASE_URL: {
    setting: 'databaseUrl',
    meaning: "PostgreSQL as the tables' owner, which runs the migrations and the seed",
    unset: 'an embedded PostgreSQL in `EMBEDDED_PG_DIR`',
  },
  APP_DATABASE_URL: {
    setting: 'appDatabaseUrl',
    meaning: "the API's own role, which owns nothing and may only append to the audit trail",
    unset: "`adaldesk_app` on `DATABASE_URL`'s server, its password kept in `.data/app-db-password`",
  },
  EMBEDDED_PG_DIR: {
    setting: 'embeddedPostgresDir',
    meaning: "the embedded PostgreSQL's data folder (kept across restarts)",
  },
  EMBEDDED_PG_PORT: { setting: 'embeddedPostgresPort', meaning: "the embedded PostgreSQL's port" },
  REDIS_URL: { setting: 'redisUrl', meaning: 'Redis for the job queue (BullMQ)', unset: "BullMQ's PostgreSQL backend" },
  JWT_SECRET: {
    setting: 'jwtSecret',
    meaning: 'signs access tokens',
    unset: 'one generated into `.data/jwt-secret`, beside the embedded data folder',
  },
  JWT_TTL_SECONDS: { setting: 'jwtTtlSeconds', meaning: 'how long a sign-in lasts, in seconds' },
  ADMIN_EMAIL: {
    setting: 'adminEmail',
    meaning: 'creates the first administrator (how a real deployment starts)',
    unset: 'no administrator is created',
  },
  ADMIN_PASSWORD: {
    setting: 'adminPassword',
    meaning: "the first administrator's password: 10 to 200 characters, letters and digits",
    unset: 'no administrator is created',
  },
  DEMO_DATA: {
    setting: 'demoData',
    meaning: 'one demo user per role and demo records, on an empty database',
    unset: '`false` when `DATABASE_URL` is set',
  },
  CORS_ORIGINS: {
    setting: 'corsOrigins',
    meaning: 'comma-separated origins allowed to call the API from a browser',
    unset: 'the admin UI served by the API itself needs none',
  },
  TRUST_PROXY: {
    setting: 'trustProxy',
    meaning: 'behind a reverse proxy: take the client address from `X-Forwarded-For` (sign-in limits, audit trail)',
  },
  APP_TIME_ZONE: { setting: 'timeZone', meaning: "the office's time zone: registration, deadlines, statistics' days" },
  WORKDAY_START: {
    setting: 'workdayStart',
    meaning: 'opening time: an appeal received earlier on a working day is registered at this time',
  },
  WORKDAY_END: {
    setting: 'workdayEnd',
    meaning:
      'close of business: deadlines fall due at this time; an appeal received later is registered the next working day',
  },
  LOG_LEVEL: { setting: 'logLevel', meaning: 'JSON logs on stdout, one line per request with its request id' },
  ADMIN_DIST_DIR: {
    setting: 'adminDistDir',
    meaning: 'the built admin UI the API serves at `/`',
    unset: '`admin/dist`',
  },
  SMTP_URL: {
    setting: 'smtpUrl',
    meaning: 'e-mail notifications too (`smtp://user:pass@host:25`)',
    unset: 'notifications in the application only',
  },
  SMTP_FROM: { setting: 'smtpFrom', meaning: "the notifications' sender" },
  PUBLIC_URL: { setting: 'publicUrl', meaning: 'the address in e-mailed links', unset: 'follows `PORT`' },
  SLA_RECONCILE_SECONDS: {
    setting: 'slaReconcileSeconds',
    meaning: 'how often the reconciler flags what is overdue and re-creates timers the queue lost',
  },
  REFERRAL_FOLLOW_UP_DAYS: {
    setting: 'referralFollowUpDays',
    meaning:
      "calendar days a referral may go without an outcome before its owner and the region's managers are reminded",
  },
  EVIDENCE_STORAGE: {
    setting: 'evidence.storage',
    meaning: 'where evidence files go: `local` (a folder) or `s3` (an S3-compatible store)',
  },
  EVIDENCE_DIR: { setting: 'evidence.dir', meaning: 'the folder of `local` evidence storage' },
  EVIDENCE_MAX_BYTES: {
    setting: 'evidence.maxBytes',
    meaning: 'the largest evidence file accepted, in bytes (20 MiB)',
  },
  EVIDENCE_STAGING_DIR: {
    setting: 'evidence.stagingDir',
    meaning:
      'where an upload is written while its type, size and hash are checked (removed after, aborted uploads too)',
    unset: "the machine's temporary folder",
  },
  EVIDENCE_S3_BUCKET: { setting: 'evidence.s3.bucket', meaning: 'the bucket of `s3` evidence storage' },
  EVIDENCE_S3_ENDPOINT: {
    setting: 'evidence.s3.endpoint',
    meaning: "an S3-compatible store's address (MinIO, Ceph…)",
    unset: 'AWS itself',
  },
  EVIDENCE_S3_REGION: { setting: 'evidence.s3.region', meaning: "the store's region" },
  EVIDENCE_S3_FORCE_PATH_STYLE: {
    setting: 'evidence.s3.forcePathStyle',
    meaning: '`true` for MinIO-like stores (bucket in the path, not in the host name)',
  },
  EVIDENCE_S3_ACCESS_KEY_ID: {
    setting: 'evidence.s3.accessKeyId',
    meaning: "the store's access key",
    unset: "the AWS SDK's usual credential chain",
  },
  EVIDENCE_S3_SECRET_ACCESS_KEY: {
    setting: 'evidence.s3.secretAccessKey',
    meaning: "the store's secret key",
    unset: "the AWS SDK's usual credential chain",
  },
  PRICE_RISE_THRESHOLD_PERCENT: {
    setting: 'priceRiseThresholdPercent',
    meaning: 'a price more than this many percent above its baseline is flagged (a product may set its own)',
  },
  PRICE_BASELINE_WINDOW_DAYS: {
    setting: 'priceBaselineWindowDays',
    meaning: "days before a price's day whose median is its baseline",
  },
  PRICE_BASELINE_MIN_OBSERVATIONS: {
    setting: 'priceBaselineMinObservations',
    meaning: 'fewer prices in the window: no baseline, nothing flagged',
  },
  PRICE_IMPORT_MAX_ROWS: {
    setting: 'priceImportMaxRows',
    meaning: 'rows one CSV import of prices may hold (the file: 2 MiB at most)',
  },
  STATS_ROLLUP_SECONDS: {
    setting: 'statsRollupSeconds',
    meaning: 'how often changed appeals are folded into the statistics (how fresh the dashboard is)',
  },
};
