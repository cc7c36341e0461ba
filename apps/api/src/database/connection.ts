import path from 'node:path';
import type { Env } from '../config/env';
import { EmbeddedPostgres } from './embedded-postgres';
import { bootstrapCluster, roleUrls, type DatabaseUrls } from './roles';

export const EMBEDDED_DATABASE = 'accord';

export interface ResolvedDatabase extends DatabaseUrls {
  /** Present when we run the embedded server; stop it on shutdown. */
  embedded?: EmbeddedPostgres;
}

/**
 * DATABASE_URL set: that server, as it is. Unset: the embedded PostgreSQL under .data/postgres,
 * with the two roles and the database created on first start.
 */
export async function resolveDatabase(env: Env, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    return { appUrl: env.DATABASE_URL, ownerUrl: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL };
  }
  const embedded = new EmbeddedPostgres({ dataDir: path.resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT, log });
  await embedded.start();
  try {
    await bootstrapCluster(embedded.superuserUrl(), EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ...roleUrls('127.0.0.1', embedded.port, EMBEDDED_DATABASE), embedded };
}
