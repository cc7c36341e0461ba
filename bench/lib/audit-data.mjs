import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './config.mjs';
import { EDIT_PATTERNS } from './data.mjs';

const require = createRequire(import.meta.url);
// The app's own body (eventBody: canonical_json(event)) from the build. The hash rule,
// sha256(prev_hash || body), is computed here in Node: the API's is PostgreSQL's audit_chain_hash,
// and its verification accepting this chain, checked in every run, shows that the two agree.
const { GENESIS_HASH } = require(path.join(ROOT, 'dist/apps/api/audit/audit-event.js'));
const { eventBody } = require(path.join(ROOT, 'dist/apps/api/audit/audit-chain.js'));
/** The chain rule in Node: the loader's, and the raw SHA-256 baseline's (audit-verify.mjs). */
export const chainHash = (prev, body) => createHash('sha256').update(prev).update(body).digest('hex');

const BATCH = 10_000;
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const T0 = Date.parse('2026-01-05T08:00:00.000Z');

const uuidOf = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * The hashed payload of event `seq`: a letter change on a row, as the grid writes them, so the
 * canonical bytes have the size and shape of real events (about 600 bytes).
 */
export function auditPayload(ctx, seq) {
  const row = seq % 1000;
  const flip = seq % 2;
  const title = `Responsibility ${String(row).padStart(4, '0')}: keep the backups work current`;
  return {
    workspaceId: ctx.workspaceId,
    seq,
    occurredAt: new Date(T0 + seq * 1500).toISOString(),
    actorUserId: ctx.userId,
    actorName: 'Bench Runner',
    actorRole: 'msp_admin',
    actorParty: 'msp',
    action: 'responsibility.letters_set',
    entityType: 'responsibility',
    entityId: uuidOf('00000000', row),
    clientId: ctx.clientId,
    matrixId: uuidOf('11111111', seq % 7),
    before: { title, letters: EDIT_PATTERNS[flip] },
    after: { title, letters: EDIT_PATTERNS[1 - flip] },
    ip: '10.20.30.40',
    userAgent: USER_AGENT,
    requestId: uuidOf('22222222', seq),
  };
}

/**
 * Writes a valid chain of `count` events for one workspace: hashes computed in Node, rows loaded
 * with one multi-row INSERT (unnest of arrays) per 10,000 events, the next batch computed while
 * PostgreSQL stores the previous ones. Finally the chain head, so that later events (a sign-in)
 * append where the chain ends. Returns the last hash; the canonical strings (about 1 GB for a
 * million events) are not kept: held through the HTTP runs they made the harness's garbage
 * collections long enough to show in the latencies it measures. canonicalBodies rebuilds them.
 */
export async function generateAuditChain(ownerUrl, ctx, count, progress) {
  // Two connections take turns, so PostgreSQL stores two batches at once while Node hashes the
  // next; the rows' order of arrival does not matter (the key is (workspace_id, seq)).
  const clients = [new pg.Client({ connectionString: ownerUrl }), new pg.Client({ connectionString: ownerUrl })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    let prev = GENESIS_HASH;
    const pending = [Promise.resolve(), Promise.resolve()];
    let turn = 0;
    for (let start = 1; start <= count; start += BATCH) {
      const end = Math.min(count, start + BATCH - 1);
      const cols = {
        seq: [],
        occurredAt: [],
        entityId: [],
        matrixId: [],
        before: [],
        after: [],
        requestId: [],
        prevHash: [],
        hash: [],
        body: [],
      };
      for (let seq = start; seq <= end; seq += 1) {
        const payload = auditPayload(ctx, seq);
        const text = eventBody(payload);
        const hash = chainHash(prev, text);
        cols.seq.push(seq);
        cols.occurredAt.push(payload.occurredAt);
        cols.entityId.push(payload.entityId);
        cols.matrixId.push(payload.matrixId);
        cols.before.push(JSON.stringify(payload.before));
        cols.after.push(JSON.stringify(payload.after));
        cols.requestId.push(payload.requestId);
        cols.prevHash.push(prev);
        cols.hash.push(hash);
        cols.body.push(text);
        prev = hash;
      }
      const slot = turn++ % clients.length;
      await pending[slot];
      pending[slot] = clients[slot].query(
        `INSERT INTO audit_events (workspace_id, seq, occurred_at, actor_user_id, actor_name, actor_role, actor_party, action,
           entity_type, entity_id, client_id, matrix_id, before, after, ip, user_agent, request_id, prev_hash, hash, body)
         SELECT $1, u.seq, u.occurred_at, $2, 'Bench Runner', 'msp_admin', 'msp', 'responsibility.letters_set',
           'responsibility', u.entity_id, $3, u.matrix_id, u.before, u.after, '10.20.30.40', $4, u.request_id, u.prev_hash, u.hash, u.body
         FROM unnest($5::bigint[], $6::timestamptz[], $7::text[], $8::uuid[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[])
           AS u(seq, occurred_at, entity_id, matrix_id, before, after, request_id, prev_hash, hash, body)`,
        [
          ctx.workspaceId,
          ctx.userId,
          ctx.clientId,
          USER_AGENT,
          cols.seq,
          cols.occurredAt,
          cols.entityId,
          cols.matrixId,
          cols.before,
          cols.after,
          cols.requestId,
          cols.prevHash,
          cols.hash,
          cols.body,
        ],
      );
      // Handled where it is awaited; this only keeps a failure from being "unhandled" meanwhile.
      pending[slot].catch(() => undefined);
      progress?.(end);
    }
    await Promise.all(pending);
    await clients[0].query(`UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE workspace_id = $1`, [
      ctx.workspaceId,
      count,
      prev,
    ]);
    return { lastHash: prev };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

/**
 * The canonical bytes of the generated chain's events, in order: what the raw baseline hashes.
 * Each is copied into a flat string, as the API's are (pg decodes them from the wire): V8 builds
 * the serialiser's output as a rope, and the first hash of a rope flattens it, which would charge
 * the baseline's first round with a copy the API never makes.
 */
export function canonicalBodies(ctx, count) {
  const canonical = new Array(count);
  for (let seq = 1; seq <= count; seq += 1) {
    canonical[seq - 1] = Buffer.from(eventBody(auditPayload(ctx, seq)), 'utf8').toString('utf8');
  }
  return canonical;
}
