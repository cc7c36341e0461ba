import type * as Raci from '@accord/raci';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each audit event keeps the exact bytes its hash was taken over (`body`, the event's canonical
 * JSON), so verification hashes what is stored instead of rebuilding it from 17 columns: the
 * rebuilding (row parsing, JSON.parse of two jsonb columns, canonical JSON) cost six times the
 * hashing itself.
 *
 * The columns stay (they are what is filtered, indexed and shown), and a CHECK holds them equal
 * to the body's fields, so what the log shows can never differ from what the chain proves: a
 * changed column alone is refused, and a changed body (with matching columns) breaks the hash.
 * A CHECK rather than generated columns: it parses the body once per row, where a generated
 * column per field would parse it seventeen times on every append (and bulk loads feel it).
 */
export class AuditEventBody1764800000000 implements MigrationInterface {
  name = 'AuditEventBody1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // The backfill touches every event; this transaction is the migration's alone.
    await q.query(`SET LOCAL statement_timeout = 0`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN body text`);
    await backfillBodies(q);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN body SET NOT NULL`);

    // The text to timestamptz cast is only STABLE because it obeys DateStyle and TimeZone and
    // reads words such as 'now'. For the one format accepted here (toISOString's: a four-digit
    // year first, always UTC, 'Z' written out) neither setting is consulted and no word passes,
    // so the result depends on the text alone: IMMUTABLE is true for this function. Anything
    // else gives NULL, which no event's NOT NULL occurred_at can equal.
    await q.query(`
      CREATE FUNCTION audit_instant(iso text) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN CASE WHEN iso ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$' THEN iso::timestamptz END`);

    // One parse of the body for all fields (a plpgsql variable; an SQL function would parse it
    // per reference or run a query per row). The body holds exactly the 17 fields; each equals
    // its column, uuids compared as uuids, instants as instants, JSON null meaning SQL NULL.
    // IMMUTABLE holds: besides audit_instant it only reads text into jsonb and uuid and compares.
    const keys = `ARRAY[${FIELDS.map(([, key]) => `'${key}'`).join(', ')}]`;
    const equal = FIELDS.map(([column, key, type]) => {
      if (type === 'uuid') return `(b->>'${key}')::uuid IS NOT DISTINCT FROM ${column}`;
      if (type === 'timestamptz') return `audit_instant(b->>'${key}') = ${column}`;
      return `b->'${key}' = coalesce(to_jsonb(${column}), 'null')`;
    }).join('\n        AND ');
    await q.query(`
      CREATE FUNCTION audit_body_agrees(body text, ${FIELDS.map(([column, , type]) => `${column} ${type}`).join(', ')}) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        b jsonb := body::jsonb;
      BEGIN
        RETURN coalesce(jsonb_typeof(b) = 'object' AND b ?& ${keys} AND b - ${keys} = '{}'
          AND ${equal}, false);
      END $$`);
    await q.query(`
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_body_agrees
      CHECK (audit_body_agrees(body, ${FIELDS.map(([column]) => column).join(', ')}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_body_agrees`);
    await q.query(`DROP FUNCTION IF EXISTS audit_body_agrees`);
    await q.query(`DROP FUNCTION IF EXISTS audit_instant(text)`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN IF EXISTS body`);
  }
}

/** Each column, the body's key for it (AuditPayload's), and its type. */
const FIELDS: ReadonlyArray<readonly [column: string, key: string, type: string]> = [
  ['workspace_id', 'workspaceId', 'uuid'],
  ['seq', 'seq', 'bigint'],
  ['occurred_at', 'occurredAt', 'timestamptz'],
  ['actor_user_id', 'actorUserId', 'uuid'],
  ['actor_name', 'actorName', 'text'],
  ['actor_role', 'actorRole', 'text'],
  ['actor_party', 'actorParty', 'text'],
  ['action', 'action', 'text'],
  ['entity_type', 'entityType', 'text'],
  ['entity_id', 'entityId', 'text'],
  ['client_id', 'clientId', 'uuid'],
  ['matrix_id', 'matrixId', 'uuid'],
  ['before', 'before', 'jsonb'],
  ['after', 'after', 'jsonb'],
  ['ip', 'ip', 'text'],
  ['user_agent', 'userAgent', 'text'],
  ['request_id', 'requestId', 'text'],
];

const BACKFILL_BATCH = 5000;

/**
 * Writes each existing event's body from its columns, exactly as verification rebuilt the hashed
 * text until now (the payload as the service read it back, through canonicalJson), in batches in
 * key order. An event altered before this migration gets the altered text, so it still fails
 * verification. The append-only trigger is off for this transaction only.
 */
async function backfillBodies(q: QueryRunner): Promise<void> {
  await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
  let from: [string, string] | null = null;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await q.query(
      `SELECT * FROM audit_events ${from ? 'WHERE (workspace_id, seq) > ($1, $2)' : ''} ORDER BY workspace_id, seq LIMIT ${BACKFILL_BATCH}`,
      from ?? [],
    );
    if (rows.length === 0) break;
    // Loaded only when there is something to backfill: the test run migrates an empty template
    // database in its global setup, where @accord/raci resolves to a build that may not exist yet.
    const { canonicalJson } = require('@accord/raci') as typeof Raci;
    const bodies = rows.map((r) =>
      canonicalJson({
        workspaceId: r.workspace_id,
        seq: Number(r.seq),
        occurredAt: (r.occurred_at as Date).toISOString(),
        actorUserId: r.actor_user_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        actorParty: r.actor_party,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        clientId: r.client_id,
        matrixId: r.matrix_id,
        before: r.before,
        after: r.after,
        ip: r.ip,
        userAgent: r.user_agent,
        requestId: r.request_id,
      }),
    );
    await q.query(
      `UPDATE audit_events e SET body = u.body
       FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS u(workspace_id, seq, body)
       WHERE e.workspace_id = u.workspace_id AND e.seq = u.seq`,
      [rows.map((r) => r.workspace_id), rows.map((r) => r.seq), bodies],
    );
    const last = rows[rows.length - 1];
    from = [last.workspace_id as string, last.seq as string];
  }
  await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
}
