import pg from 'pg';
import type { Logger } from 'pino';

/**
 * The role the API runs as, made and granted its privileges by migration 1764700000000. It signs in
 * itself, or through a login role that is a member of it.
 */
export const APP_ROLE = 'adaldesk_app';

/** PostgreSQL's answers to a sign-in it refuses: a wrong password, or a role missing or without LOGIN. */
const CANNOT_SIGN_IN = new Set(['28P01', '28000']);
/** Two starts at once may make or alter the same role: the loser's statement fails, and is tried again. */
const ROLE_RACES = new Set(['42710', '23505', 'XX000']);

/** The database of `ownerUrl`, signed into as `user` with `password`. */
export function databaseUrlAs(ownerUrl: string, user: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Makes sure the API can sign in with `appUrl` and that the role it signs in as may not rewrite the
 * audit trail. When it cannot sign in, the owner (`ownerUrl`) makes the login role, or gives it LOGIN
 * and the URL's password, and makes it a member of `adaldesk_app`; that needs the owner to be allowed
 * to create roles. A role that is a superuser, owns the audit trail or may change it is refused.
 */
export async function prepareAppRole(ownerUrl: string, appUrl: string, logger: Logger): Promise<void> {
  let client: pg.Client;
  try {
    client = await connect(appUrl);
  } catch (error) {
    if (!CANNOT_SIGN_IN.has((error as { code?: string }).code ?? '')) throw error;
    await grantLogin(ownerUrl, appUrl, logger).catch((refused: { code?: string; message: string }) => {
      if (refused.code !== '42501') throw refused;
      throw new Error(
        `The API cannot sign in to PostgreSQL with APP_DATABASE_URL (${(error as Error).message}), and the` +
          ` owner may not create or alter roles (${refused.message}): create that login role once, as a` +
          ` member of ${APP_ROLE} (see "Database roles" in README.md)`,
        { cause: error },
      );
    });
    client = await connect(appUrl);
  }
  try {
    await assertAppendOnly(client);
  } finally {
    await client.end();
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'adaldesk' });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

async function grantLogin(ownerUrl: string, appUrl: string, logger: Logger): Promise<void> {
  const url = new URL(appUrl);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const owner = await connect(ownerUrl);
  try {
    const [self] = (await owner.query(`SELECT current_user AS name`)).rows as { name: string }[];
    if (user === self.name) {
      throw new Error(`The API's database role "${user}" is the owner's; give the API a role of its own`);
    }
    const role = owner.escapeIdentifier(user);
    const withPassword = password ? ` PASSWORD ${owner.escapeLiteral(password)}` : '';
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await owner.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [user]);
        if (rows.length === 0) {
          await owner.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${withPassword}`);
        } else if ((rows[0] as { rolsuper: boolean }).rolsuper) {
          throw new Error(`The API's database role "${user}" is a superuser; give the API a role of its own`);
        } else {
          await owner.query(`ALTER ROLE ${role} LOGIN${withPassword}`);
        }
        if (user !== APP_ROLE) await owner.query(`GRANT ${APP_ROLE} TO ${role}`);
        break;
      } catch (error) {
        if (attempt >= 3 || !ROLE_RACES.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
    logger.info(`The API signs in to PostgreSQL as "${user}"${user === APP_ROLE ? '' : `, a member of ${APP_ROLE}`}`);
  } finally {
    await owner.end();
  }
}

/** Refuses a role that could rewrite the audit trail: a superuser, its owner, or one granted more than INSERT. */
async function assertAppendOnly(client: pg.Client): Promise<void> {
  const { rows } = await client.query(`
    SELECT current_user AS "name",
           role.rolsuper AS "superuser",
           pg_has_role(current_user, audit.relowner, 'USAGE') AS "owner",
           has_table_privilege('audit_events', 'UPDATE')
             OR has_table_privilege('audit_events', 'DELETE')
             OR has_table_privilege('audit_events', 'TRUNCATE')
             OR has_table_privilege('audit_events', 'TRIGGER') AS "mayRewrite"
      FROM pg_roles role, pg_class audit
     WHERE role.rolname = current_user AND audit.oid = 'audit_events'::regclass`);
  const { name, superuser, owner, mayRewrite } = rows[0] as {
    name: string;
    superuser: boolean;
    owner: boolean;
    mayRewrite: boolean;
  };
  const problem = superuser
    ? 'is a superuser'
    : owner
      ? 'owns the audit trail'
      : mayRewrite
        ? 'may change or empty the audit trail'
        : null;
  if (problem) {
    throw new Error(
      `The API's database role "${name}" ${problem}: the API must run as a role that may only append to it` +
        ` (APP_DATABASE_URL; see "Database roles" in README.md)`,
    );
  }
}
