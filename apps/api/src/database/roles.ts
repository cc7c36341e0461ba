import { Client } from 'pg';

/**
 * Two roles, as DESIGN.md section 3 asks: the owner runs migrations and seeds; the application
 * role is what the API connects as. It owns nothing, is no superuser and cannot bypass row-level
 * security, so a forgotten tenant filter in the code still cannot reach another tenant's rows.
 */
export const OWNER_ROLE = 'accord_owner';
export const APP_ROLE = 'accord_app';
/** Embedded servers listen on 127.0.0.1 only; these passwords never leave the machine. */
const OWNER_PASSWORD = 'accord-embedded-owner';
const APP_PASSWORD = 'accord-embedded-app';

export interface DatabaseUrls {
  /** The application role: every request of the API. */
  appUrl: string;
  /** The owner: migrations and seeds. */
  ownerUrl: string;
}

export function roleUrls(host: string, port: number, database: string): DatabaseUrls {
  return {
    appUrl: `postgres://${APP_ROLE}:${APP_PASSWORD}@${host}:${port}/${database}`,
    ownerUrl: `postgres://${OWNER_ROLE}:${OWNER_PASSWORD}@${host}:${port}/${database}`,
  };
}

/** Creates (or repairs) both roles and the database on a server we administer. Idempotent. */
export async function bootstrapCluster(superuserUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await ensureRole(client, OWNER_ROLE, OWNER_PASSWORD, 'NOSUPERUSER CREATEDB NOCREATEROLE BYPASSRLS');
    await ensureRole(client, APP_ROLE, APP_PASSWORD, 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${OWNER_ROLE}`);
    }
    await client.query(`REVOKE ALL ON DATABASE ${client.escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: Client, name: string, password: string, attributes: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(`${verb} ROLE ${name} LOGIN ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
}

/** The user name in a connection URL: the app role's name for grants on an external server. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || APP_ROLE;
}
