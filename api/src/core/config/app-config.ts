import { checkPasswordStrength } from '@adaldesk/libs';

/** Everything the application reads from the environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: string;
  /** Unset: an embedded PostgreSQL is started in `embeddedPostgresDir`. */
  databaseUrl: string | null;
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
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
