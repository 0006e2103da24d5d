import 'reflect-metadata';
import { ConfigError, loadConfig } from '../core/config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { openDatabase } from '../core/database/database-url.js';
import { createLogger } from '../core/logging/logger.js';

/** `npm run migrate` applies pending migrations; `npm run migrate:revert` undoes the latest one. */
async function main(): Promise<void> {
  const revert = process.argv.includes('--revert');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    if (revert) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.info('Reverted the latest migration');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      logger.info(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date');
    }
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
