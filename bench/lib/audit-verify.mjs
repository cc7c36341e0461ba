import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chainHash } from './audit-data.mjs';
import { ROOT } from './config.mjs';
import { beginTenant } from './database.mjs';

const require = createRequire(import.meta.url);
const { FIRST_BROKEN_HASH, FIRST_BROKEN_LINK, VERIFY_SPAN } = require(
  path.join(ROOT, 'dist/apps/api/audit/chain-verification.js'),
);
const { GENESIS_HASH } = require(path.join(ROOT, 'dist/apps/api/audit/audit-event.js'));

/**
 * The app's audit verification, end to end: GET /api/workspaces/:ws/audit-events/verify, which
 * checks every link and recomputes every hash of the workspace's chain (AuditService.verify). Events per
 * second over the wall time of the request.
 */
export async function verifyThroughApi({ baseUrl, cookie, workspaceId, expectedEvents }) {
  const started = performance.now();
  const { status, text } = await getOnFreshConnection(`${baseUrl}/api/workspaces/${workspaceId}/audit-events/verify`, {
    Cookie: `${cookie.name}=${cookie.value}`,
  });
  const seconds = (performance.now() - started) / 1000;
  if (status !== 200) {
    const error = new Error(`audit verification answered ${status} after ${seconds.toFixed(1)} s`);
    error.requestId = /"requestId":"([^"]+)"/.exec(text)?.[1];
    error.seconds = seconds;
    throw error;
  }
  const body = JSON.parse(text);
  if (!body.ok || body.events < expectedEvents)
    throw new Error(`audit verification did not accept the generated chain: ${text.slice(0, 300)}`);
  return { seconds, events: body.events, eventsPerSecond: body.events / seconds };
}

/**
 * A GET on a connection of its own. fetch reuses a kept-alive socket from the harness's earlier
 * requests, and one the server was closing just then (its keep-alive timeout is 5 s) failed a
 * round with "fetch failed" before the request reached the API.
 */
function getOnFreshConnection(url, headers) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: 600_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 600 s')));
    req.on('error', reject);
  });
}

/**
 * The baseline: SHA-256 in Node (node:crypto) over exactly the strings the chain hashes,
 * hash = sha256(prev || canonical_json(event)), and nothing else: the canonical strings are the
 * generator's, rebuilt (canonicalBodies), and the last hash must equal the chain's, which the API
 * accepted, so they are the stored events' bytes.
 */
export function rawSha256(canonical) {
  let prev = GENESIS_HASH;
  const t = performance.now();
  for (const text of canonical) prev = chainHash(prev, text);
  const seconds = (performance.now() - t) / 1000;
  let bytes = 0;
  for (const text of canonical) bytes += 64 + text.length;
  return { seconds, events: canonical.length, eventsPerSecond: canonical.length / seconds, bytes, lastHash: prev };
}

/**
 * Where the endpoint's time goes: EXPLAIN ANALYZE of its statements (chain-verification.ts, from
 * the build) over the whole chain, as the application role in a tenant transaction, as it runs
 * them: the ordered pass over the links and the pass that recomputes the hashes, with the
 * parallel workers PostgreSQL launched for each.
 */
export async function verifyBreakdown({ appUrl, workspaceId, userId, events }) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await beginTenant(client, { workspaceId, userId });
    const explain = async (sql, params) => {
      const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map(
        (r) => r['QUERY PLAN'],
      );
      const text = plan.join('\n');
      return {
        ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN),
        workersLaunched: Number(/Workers Launched: (\d+)/.exec(text)?.[1] ?? 0),
        plan,
      };
    };
    const links = await explain(FIRST_BROKEN_LINK, [workspaceId, 1, events, GENESIS_HASH]);
    const hashes = await explain(FIRST_BROKEN_HASH, [workspaceId, 1, events]);
    await client.query('COMMIT');
    return { events, span: VERIFY_SPAN, links, hashes };
  } finally {
    await client.end();
  }
}
