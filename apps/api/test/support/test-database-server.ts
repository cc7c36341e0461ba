import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { APP_ROLE, roleOf } from '../../src/database/roles';

/**
 * What the global setup hands to every test file (through the environment, which Jest's workers
 * inherit): where the server is and which template database holds the migrated schema.
 */
export interface TestDatabaseServer {
  /** The owner's connection to the template; per-file databases are created from it. */
  ownerUrl: string;
  /** The application role's connection to the template (only its credentials are reused). */
  appUrl: string;
  template: string;
}

const ENV_KEY = 'ACCORD_TEST_DATABASE_SERVER';

export function publishServer(server: TestDatabaseServer): void {
  process.env[ENV_KEY] = JSON.stringify(server);
}

export function testDatabaseServer(): TestDatabaseServer {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error(`${ENV_KEY} is not set: run integration tests through jest.integration.config.cjs`);
  return JSON.parse(raw) as TestDatabaseServer;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface TestDatabase {
  name: string;
  appUrl: string;
  ownerUrl: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template in a few milliseconds. */
export async function createTestDatabase(server: TestDatabaseServer = testDatabaseServer()): Promise<TestDatabase> {
  const name = `accord_t_${randomBytes(6).toString('hex')}`;
  const appRole = roleOf(server.appUrl) || APP_ROLE;
  await asOwner(server.ownerUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${c.escapeIdentifier(server.template)}`);
    await c.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${name} TO ${c.escapeIdentifier(appRole)}`);
  });
  return {
    name,
    appUrl: withDatabase(server.appUrl, name),
    ownerUrl: withDatabase(server.ownerUrl, name),
    drop: () => asOwner(server.ownerUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined)),
  };
}

export async function asOwner<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
