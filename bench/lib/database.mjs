import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './config.mjs';
import { onCleanup } from './processes.mjs';

const require = createRequire(import.meta.url);
// The app's own launcher and role setup, from the build: the bench runs PostgreSQL exactly as
// `npm start` does (same binaries, same two roles), only on its own port and in a fresh folder.
const { EmbeddedPostgres } = require(path.join(ROOT, 'dist/apps/api/database/embedded-postgres.js'));
const { bootstrapCluster, roleUrls } = require(path.join(ROOT, 'dist/apps/api/database/roles.js'));

/**
 * The database of a run: with DATABASE_URL (the application role) and DATABASE_MIGRATION_URL (the
 * owner) that server; otherwise a fresh embedded cluster, started here so that the harness, not
 * the API process, owns it and stops it even when the API crashes.
 */
export async function provideDatabase(config, say) {
  if (config.databaseUrl) {
    if (!config.databaseMigrationUrl || config.databaseMigrationUrl === config.databaseUrl) {
      throw new Error(
        'With DATABASE_URL set, also set DATABASE_MIGRATION_URL to the owner role: the bench loads its data in bulk as the owner, and the API refuses to run as the owner (see README, "An external PostgreSQL").',
      );
    }
    say(`using DATABASE_URL (${redact(config.databaseUrl)}); the bench adds its own workspaces and leaves them there`);
    return { appUrl: config.databaseUrl, ownerUrl: config.databaseMigrationUrl, embedded: null };
  }

  const dataDir = path.join(config.workDir, 'postgres');
  await removeStaleCluster(dataDir, say);
  mkdirSync(config.workDir, { recursive: true });
  const embedded = new EmbeddedPostgres({
    dataDir,
    port: config.pgPort,
    ephemeral: true,
    log: (m) => say(`[postgres] ${m}`),
  });
  // Registered before start: a start that fails half-way still gets its stop. Its log (with a
  // line per checkpoint) is kept in the work folder; the cluster itself is removed.
  onCleanup('embedded PostgreSQL', () => embedded.stop());
  // Cleanup runs last-registered first: the log is copied before the stop removes the cluster.
  onCleanup('PostgreSQL log', () => {
    try {
      copyFileSync(path.join(dataDir, 'server.log'), path.join(config.workDir, 'postgres.log'));
    } catch {
      // no log yet
    }
  });
  await embedded.start();
  await bootstrapCluster(embedded.superuserUrl(), 'accord');
  return { ...roleUrls('127.0.0.1', config.pgPort, 'accord'), embedded };
}

/** Each run starts from an empty cluster; one left by a killed run is stopped and removed first. */
async function removeStaleCluster(dataDir, say) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (alive(pid)) {
      say(`stopping a PostgreSQL (pid ${pid}) left by an earlier bench run`);
      process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
      for (let i = 0; i < 120 && alive(pid); i += 1) await sleep(250);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * BEGIN and the tenant scope of a workspace, as the API's TenantDb sets it (app.workspace_id,
 * app.user_id, no client): for the harness's own statements under row-level security.
 */
export async function beginTenant(client, { workspaceId, userId }) {
  await client.query('BEGIN');
  await client.query(
    `SELECT set_config('app.workspace_id', $1, true), set_config('app.client_id', '', true), set_config('app.user_id', $2, true)`,
    [workspaceId, userId],
  );
}
