import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
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
  const file = resolve(dirname(resolve(config.embeddedPostgresDir)), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn(`JWT_SECRET is not set; generated one in ${file} (set JWT_SECRET in production)`);
  return secret;
}
