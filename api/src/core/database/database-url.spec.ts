import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { databaseUrlAs } from './app-role.js';
import { appDatabaseUrlFor } from './database-url.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const OWNER = 'postgres://adaldesk:owner-secret@db.internal:5432/adaldesk';

describe("the API's own database role", () => {
  it('is APP_DATABASE_URL when set, and required beside DATABASE_URL in production', () => {
    const app = 'postgres://adaldesk_app:app-secret@db.internal:5432/adaldesk';
    expect(loadConfig({ DATABASE_URL: OWNER, APP_DATABASE_URL: app }).appDatabaseUrl).toBe(app);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: OWNER })).toEqual([
      expect.stringContaining('APP_DATABASE_URL'),
    ]);
    expect(problemsOf({ APP_DATABASE_URL: app })).toEqual([expect.stringContaining('needs DATABASE_URL')]);
    expect(problemsOf({ DATABASE_URL: OWNER, APP_DATABASE_URL: 'mysql://x' })).toEqual([
      expect.stringContaining('APP_DATABASE_URL must be a postgres:// URL'),
    ]);
  });

  it("is otherwise adaldesk_app on the owner's database, with a password kept beside the data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), 'adaldesk-role-'));
    const config = loadConfig({ EMBEDDED_PG_DIR: join(dir, 'postgres') });
    const first = new URL(appDatabaseUrlFor(config, { url: OWNER, embedded: null }));
    expect(first.username).toBe('adaldesk_app');
    expect(`${first.host}${first.pathname}`).toBe('db.internal:5432/adaldesk');
    expect(first.password).toBe(readFileSync(join(dir, 'app-db-password'), 'utf8'));
    expect(first.password).not.toBe('owner-secret');
    // The same on every start: the role's password is set once.
    expect(appDatabaseUrlFor(config, { url: OWNER, embedded: null })).toBe(first.toString());
    rmSync(dir, { recursive: true });
  });

  it('keeps a password with URL characters intact', () => {
    const url = new URL(databaseUrlAs(OWNER, 'adaldesk_app', 'p@ss:w/rd?#%'));
    expect(decodeURIComponent(url.password)).toBe('p@ss:w/rd?#%');
    expect(url.hostname).toBe('db.internal');
  });
});
