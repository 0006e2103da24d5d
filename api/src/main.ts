import 'reflect-metadata';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.factory.js';
import { type Clock, SystemClock } from './core/clock/clock.js';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config.js';
import { createDataSource } from './core/database/data-source.js';
import { prepareAppRole } from './core/database/app-role.js';
import { appDatabaseUrlFor, type Database, jwtSecretFor, openDatabase } from './core/database/database-url.js';
import { createLogger } from './core/logging/logger.js';
import { seedDatabase } from './seed/seed.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let database: Database;
  try {
    database = await openDatabase(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'AdalDesk could not open its database');
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string, app?: { close(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the API failed'));
    await database.embedded
      ?.stop()
      .catch((error: unknown) => logger.error({ err: error }, 'stopping PostgreSQL failed'));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));

  try {
    // The schema first: services such as the queue check it as soon as they are created.
    const clock = new SystemClock();
    const seeded = await prepareDatabase(database.url, config, logger, clock);
    // The owner migrated and seeded; the API itself runs as a role that may only append to the audit trail.
    const appDatabaseUrl = appDatabaseUrlFor(config, database);
    await prepareAppRole(database.url, appDatabaseUrl, logger);
    const app = await createApp({
      clock,
      config: { ...config, adminDistDir: config.adminDistDir ?? resolve('admin/dist') },
      databaseUrl: appDatabaseUrl,
      jwtSecret: jwtSecretFor(config, logger),
      logger,
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => void stop(signal, app));
    }
    await app.listen(config.port, config.host);
    printWelcome(config.port, seeded.demoLogins, seeded.demoPassword);
  } catch (error) {
    logger.fatal({ err: error }, 'AdalDesk could not start');
    await database.embedded?.stop();
    process.exit(1);
  }
}

async function prepareDatabase(url: string, config: AppConfig, logger: Logger, clock: Clock) {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    return await seedDatabase(dataSource, config, logger, clock);
  } finally {
    await dataSource.destroy();
  }
}

function printWelcome(port: number, demoLogins: { email: string; role: string }[], demoPassword: string): void {
  const lines = [``, `AdalDesk is running: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`];
  if (demoLogins.length > 0) {
    lines.push(`Demo logins (password ${demoPassword}):`);
    for (const login of demoLogins) lines.push(`  ${login.role.padEnd(10)} ${login.email}`);
  }
  lines.push(`Stop with Ctrl-C.`, ``);
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
