import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { bootstrapCluster, roleUrls } from '../../src/database/roles';
import { asOwner, publishServer, withDatabase } from './test-database-server';

declare global {
  var __ACCORD_TEST_PG__: EmbeddedPostgres | undefined;
  var __ACCORD_TEST_TEMPLATE__: { ownerUrl: string; template: string } | undefined;
}

/**
 * One PostgreSQL for the whole run: a throwaway embedded server (fsync off) unless DATABASE_URL
 * names one. The schema is migrated once into a template database.
 */
export default async function globalSetup(): Promise<void> {
  const template = `accord_template_${process.pid}_${Date.now()}`;
  let ownerUrl: string;
  let appUrl: string;

  if (process.env.DATABASE_URL) {
    appUrl = process.env.DATABASE_URL;
    ownerUrl = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
    await asOwner(ownerUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  } else {
    const server = new EmbeddedPostgres({
      dataDir: path.join(mkdtempSync(path.join(tmpdir(), 'accord-test-')), 'postgres'),
      port: await freePort(),
      fsync: false,
      ephemeral: true,
    });
    globalThis.__ACCORD_TEST_PG__ = server;
    await server.start();
    await bootstrapCluster(server.superuserUrl(), template);
    ({ appUrl, ownerUrl } = roleUrls('127.0.0.1', server.port, 'postgres'));
  }

  const templateOwnerUrl = withDatabase(ownerUrl, template);
  await runMigrations(templateOwnerUrl, withDatabase(appUrl, template));
  globalThis.__ACCORD_TEST_TEMPLATE__ = { ownerUrl, template };
  publishServer({ ownerUrl, appUrl, template });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
