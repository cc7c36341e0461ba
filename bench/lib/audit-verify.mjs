import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ROOT } from './config.mjs';

const require = createRequire(import.meta.url);
const { verifyChain } = require(path.join(ROOT, 'dist/apps/api/audit/audit-chain.js'));
const { GENESIS_HASH } = require(path.join(ROOT, 'dist/apps/api/audit/audit-event.js'));

/**
 * The app's audit verification, end to end: GET /api/workspaces/:ws/audit-events/verify, which
 * reads the workspace's whole chain and recomputes every hash (AuditService.verify). Events per
 * second over the wall time of the request.
 */
export async function verifyThroughApi({ baseUrl, cookie, workspaceId, expectedEvents }) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/workspaces/${workspaceId}/audit-events/verify`, {
    headers: { Cookie: `${cookie.name}=${cookie.value}` },
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  const seconds = (performance.now() - started) / 1000;
  if (!res.ok) {
    const error = new Error(`audit verification answered ${res.status} after ${seconds.toFixed(1)} s`);
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
 * The baseline: SHA-256 in Node (node:crypto) over exactly the strings the chain hashes,
 * hash = sha256(prev || canonical_json(event)), and nothing else: the canonical strings are the
 * ones the generator stored (the API's acceptance of the chain proves they are the stored events,
 * and the last hash must equal the chain's).
 */
export function rawSha256(canonical) {
  let prev = GENESIS_HASH;
  const t = performance.now();
  for (const text of canonical) prev = createHash('sha256').update(prev).update(text).digest('hex');
  const seconds = (performance.now() - t) / 1000;
  let bytes = 0;
  for (const text of canonical) bytes += 64 + text.length;
  return { seconds, events: canonical.length, eventsPerSecond: canonical.length / seconds, bytes, lastHash: prev };
}

/** The endpoint's SELECT (AuditService.verify), which it reads through a cursor, FETCH by FETCH. */
const CHAIN_SELECT =
  'SELECT seq, prev_hash, hash, body, client_id = $2 AS counted FROM audit_events WHERE workspace_id = $1';
const FETCH_ROWS = 5000;

/**
 * Where the endpoint's time goes, with the app's own code from the build, in this process:
 * (1) EXPLAIN ANALYZE of the endpoint's cursor over the whole chain (EXPLAIN of the DECLARE, so
 *     the plan is the one a cursor gets), as the application role in a tenant transaction:
 *     PostgreSQL's part, without sending rows;
 * (2) the first `prefix` events read through the same cursor in the same batches (PostgreSQL plus
 *     pg's row parsing), mapped as AuditService.verify maps them, and checked by the app's
 *     verifyChain (SHA-256 of each stored body): per-event rates of the Node side, one after the
 *     other (the endpoint overlaps fetching with hashing). A prefix starting at seq 1 is a valid
 *     chain of its own, and keeps this part of the run short.
 */
export async function verifyBreakdown({ appUrl, workspaceId, userId, prefix }) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const tenant = () =>
    client.query(
      `SELECT set_config('app.workspace_id', $1, true), set_config('app.client_id', '', true), set_config('app.user_id', $2, true)`,
      [workspaceId, userId],
    );
  try {
    await client.query('BEGIN');
    await tenant();
    const explained = (
      await client.query(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DECLARE audit_chain NO SCROLL CURSOR FOR ${CHAIN_SELECT} ORDER BY seq`,
        [workspaceId, null],
      )
    ).rows.map((r) => r['QUERY PLAN']);
    await client.query('COMMIT');
    const serverMs = Number(/Execution Time: ([\d.]+) ms/.exec(explained.join('\n'))?.[1] ?? NaN);

    await client.query('BEGIN');
    await tenant();
    let t = performance.now();
    await client.query(`DECLARE audit_chain NO SCROLL CURSOR FOR ${CHAIN_SELECT} AND seq <= $3 ORDER BY seq`, [
      workspaceId,
      null,
      prefix,
    ]);
    const rows = [];
    for (;;) {
      const batch = (await client.query(`FETCH ${FETCH_ROWS} FROM audit_chain`)).rows;
      for (const r of batch) rows.push(r);
      if (batch.length < FETCH_ROWS) break;
    }
    const fetchSeconds = (performance.now() - t) / 1000;
    await client.query('COMMIT');

    t = performance.now();
    // As the loop in AuditService.verify (apps/api/src/audit/audit.service.ts) hands rows over.
    const events = rows.map((r) => ({ seq: Number(r.seq), prevHash: r.prev_hash, body: r.body, hash: r.hash }));
    const mapSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const verdict = verifyChain(events, GENESIS_HASH);
    const verifySeconds = (performance.now() - t) / 1000;

    const n = rows.length;
    return {
      wholeChainSelectInPostgresMs: serverMs,
      wholeChainPlan: explained,
      prefixEvents: n,
      ok: verdict.ok,
      fetchEventsPerSecond: n / fetchSeconds,
      mapEventsPerSecond: n / mapSeconds,
      verifyEventsPerSecond: n / verifySeconds,
      fetchSeconds,
      mapSeconds,
      verifySeconds,
    };
  } finally {
    await client.end();
  }
}
