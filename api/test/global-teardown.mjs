import pg from 'pg';

/**
 * Drops the run's database and its app's login role (`<database>_app`, see test/test-app.ts) unless
 * KEEP_TEST_DB is set (to look at what a failing test left).
 */
export default async function globalTeardown() {
  const name = process.env.TEST_DATABASE_NAME;
  if (!name || process.env.KEEP_TEST_DB) return;
  const admin = new pg.Client({
    connectionString: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`DROP ROLE IF EXISTS ${name}_app`);
  await admin.end();
}
