import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_ROLE, databaseUrlAs } from './app-role.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  /** The owner's sign-in: migrations and the seed. The API itself runs as `appDatabaseUrlFor`'s role. */
  url: string;
  /** The embedded server when one was started; stopped on shutdown. */
  embedded: EmbeddedDatabase | null;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL in the local data folder. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(config.embeddedPostgresDir, config.embeddedPostgresPort, (message) =>
    logger.info(message),
  );
  logger.info(
    `Embedded PostgreSQL is up on 127.0.0.1:${config.embeddedPostgresPort}, data in ${resolve(config.embeddedPostgresDir)}`,
  );
  return { url: embedded.url, embedded };
}

/**
 * The key that signs access tokens. JWT_SECRET in production; on a developer's machine a random key
 * kept beside the embedded database, so sign-ins survive a restart.
 */
export function jwtSecretFor(config: AppConfig, logger: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  return localSecret(config, 'jwt-secret', (file) =>
    logger.warn(`JWT_SECRET is not set; generated one in ${file} (set JWT_SECRET in production)`),
  );
}

/**
 * Where the API itself connects: APP_DATABASE_URL, or else the owner's database as `adaldesk_app`,
 * with a random password kept beside the embedded database (the owner sets it at start).
 */
export function appDatabaseUrlFor(config: AppConfig, database: Database): string {
  if (config.appDatabaseUrl) return config.appDatabaseUrl;
  return databaseUrlAs(database.url, APP_ROLE, localSecret(config, 'app-db-password'));
}

/** A random secret of this machine's, in a file beside the embedded database's data folder. */
function localSecret(config: AppConfig, name: string, onCreate?: (file: string) => void): string {
  const file = resolve(dirname(resolve(config.embeddedPostgresDir)), name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  onCreate?.(file);
  return secret;
}
