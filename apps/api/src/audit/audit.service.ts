import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestMeta, TenantContext } from '../common/context';
import { TenantDb } from '../database/tenant-db';
import { prepared, rows } from '../database/rows';
import { eventBody } from './audit-chain';
import { FIRST_BROKEN_HASH, FIRST_BROKEN_LINK, NEWEST_AND_HEAD, VERIFY_SPAN } from './chain-verification';
import { type AuditActor, type AuditInput, type AuditPayload, GENESIS_HASH } from './audit-event';
import type { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditWriteContext {
  workspaceId: string;
  actor: AuditActor | null;
  meta: RequestMeta;
}

/** Every column but the body: what a listed event shows (the body's fields, which a CHECK keeps equal to it). */
const SHOWN_COLUMNS =
  'workspace_id, seq, occurred_at, actor_user_id, actor_name, actor_role, actor_party, action, entity_type, entity_id, ' +
  'client_id, matrix_id, before, after, ip, user_agent, request_id, prev_hash, hash';

interface EventRow {
  workspace_id: string;
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_party: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
  matrix_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export function actorOf(ctx: TenantContext): AuditActor {
  return { userId: ctx.user.id, name: ctx.user.name, role: ctx.role, party: ctx.party };
}

/** Who acts, in which workspace, from where: the audit context of a request. */
export function writeContext(ctx: TenantContext, meta: RequestMeta): AuditWriteContext {
  return { workspaceId: ctx.workspaceId, actor: actorOf(ctx), meta };
}

@Injectable()
export class AuditService {
  constructor(private readonly db: TenantDb) {}

  /** Appends to the workspace's chain inside the caller's transaction (see appendAuditEvent). */
  record(tx: EntityManager, ctx: AuditWriteContext, input: AuditInput, locked?: ChainHead): Promise<void> {
    return appendAuditEvent(tx, ctx, input, locked);
  }

  /** Newest first, filtered, with a cursor on the sequence number. Client users see their client's events only (RLS). */
  list(ctx: TenantContext, query: AuditQueryDto) {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const where = ['workspace_id = $1'];
      const params: unknown[] = [ctx.workspaceId];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (query.actor) add('actor_user_id = ?', query.actor);
      if (query.action) add('action = ?', query.action);
      if (query.entityType) add('entity_type = ?', query.entityType);
      if (query.entityId) add('entity_id = ?', query.entityId);
      if (query.client) add('client_id = ?', query.client);
      if (query.matrix) add('matrix_id = ?', query.matrix);
      if (query.from) add('occurred_at >= ?', query.from);
      if (query.to) add('occurred_at < ?', query.to);
      if (query.cursor) add('seq < ?', query.cursor);
      const limit = query.limit ?? 50;
      params.push(limit + 1);
      const rows: EventRow[] = await tx.query(
        `SELECT ${SHOWN_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, limit).map(toView);
      return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].seq : null };
    });
  }

  /**
   * Recomputes the whole chain of the workspace and names the first event that does not follow:
   * a sequence number out of order (an event removed), a link that is not the previous event's
   * hash, a hash that is not audit_chain_hash(prev_hash, body) (a changed body or a forged hash),
   * or a newest event that is not the one the chain head recorded (the newest forged, or removed).
   * PostgreSQL does it where the rows are, in spans of VERIFY_SPAN events: per span one ordered
   * pass compares each event with the one before, and one pass recomputes the hashes
   * (chain-verification.ts). Each statement is far from the statement timeout, nothing is held in
   * memory, and no event travels to Node: sending about a kilobyte per event for Node to hash had
   * bound verification to the transfer (about 8 µs per event; under 4 µs now, bench/README.md).
   * After the first break the rest is only counted. `span` is for tests of the seams.
   */
  verify(ctx: TenantContext, span = VERIFY_SPAN) {
    // Workspace-wide (no client scope): a client user gets the verdict on the whole chain.
    return this.db.run({ workspaceId: ctx.workspaceId, userId: ctx.user.id }, async (tx) => {
      // The newest event and the chain head in one snapshot (appends may be under way).
      const [newest] = await rows<{
        last: string | null;
        last_hash: string | null;
        head_seq: string | null;
        head_hash: string | null;
      }>(tx, NEWEST_AND_HEAD, [ctx.workspaceId]);
      const last = Number(newest.last ?? 0);
      let firstBrokenSeq: number | null = null;
      for (let from = 1; firstBrokenSeq === null && from <= last; from += span) {
        const to = from + span - 1;
        const [links] = await rows<{ broken: string | null }>(tx, FIRST_BROKEN_LINK, [
          ctx.workspaceId,
          from,
          to,
          GENESIS_HASH,
        ]);
        const [hashes] = await rows<{ broken: string | null }>(tx, FIRST_BROKEN_HASH, [ctx.workspaceId, from, to]);
        const broken = [links.broken, hashes.broken].filter((seq) => seq !== null).map(Number);
        if (broken.length) firstBrokenSeq = Math.min(...broken);
      }
      // No event after the newest points back at it: the head, which every append moves, does.
      // It also knows how many events there were, so removing the newest ones shows too.
      if (firstBrokenSeq === null && newest.head_seq !== null) {
        const headSeq = Number(newest.head_seq);
        if (headSeq !== last) firstBrokenSeq = Math.min(headSeq, last) + 1;
        else if (last > 0 && newest.head_hash !== newest.last_hash) firstBrokenSeq = last;
      }
      // Client users count their own client's events only.
      const [{ events }] = await rows<{ events: number }>(
        tx,
        `SELECT count(*)::int AS events FROM audit_events WHERE workspace_id = $1 AND ($2::uuid IS NULL OR client_id = $2)`,
        [ctx.workspaceId, ctx.clientId ?? null],
      );
      return { ok: firstBrokenSeq === null, firstBrokenSeq, events };
    });
  }
}

/** A workspace's chain head, locked by this transaction. */
export interface ChainHead {
  seq: string;
  hash: string;
}

/**
 * The chain head's lock as a CTE `head(seq, hash)`: creates the head on the first event and locks
 * it either way (the no-op update takes the row lock that serialises this workspace's writers).
 * It runs once per row of `source`, so a caller folding it into its own statement (one round trip
 * less on a hot path) decides whether and after what it runs.
 */
export function chainHeadCte(workspaceParam: string, source = '(SELECT 1) AS one'): string {
  return `head AS (
       INSERT INTO audit_chain_heads (workspace_id, seq, hash) SELECT ${workspaceParam}::uuid, 0, '${GENESIS_HASH}' FROM ${source}
       ON CONFLICT (workspace_id) DO UPDATE SET seq = audit_chain_heads.seq RETURNING seq, hash
     )`;
}

/**
 * Appends one event to the workspace's chain inside the caller's transaction, so the change and
 * its record commit or roll back together. The chain head row is locked, which serialises
 * writers of one workspace and leaves other workspaces alone. Also used by the demo seed.
 * `locked`: the head, when the caller's own statement took the lock with chainHeadCte.
 */
export async function appendAuditEvent(
  tx: EntityManager,
  ctx: AuditWriteContext,
  input: AuditInput,
  locked?: ChainHead,
): Promise<void> {
  const head =
    locked ??
    (await rows<ChainHead>(tx, `WITH ${chainHeadCte('$1')} SELECT seq, hash FROM head`, [ctx.workspaceId]))[0];
  const payload: AuditPayload = {
    workspaceId: ctx.workspaceId,
    seq: Number(head.seq) + 1,
    occurredAt: new Date().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.name ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorParty: ctx.actor?.party ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    clientId: input.clientId ?? null,
    matrixId: input.matrixId ?? null,
    // Stored as jsonb and read back as JSON: hash exactly that form.
    before: toJson(input.before),
    after: toJson(input.after),
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
    requestId: ctx.meta.requestId,
  };
  // The hashed bytes are stored as they are; the columns beside them must agree (a CHECK).
  const body = eventBody(payload);
  // The event and the new head in one statement, prepared: every write of the app runs it. The
  // hash comes from audit_chain_hash, the rule's one definition, which verification uses too.
  await prepared(
    tx,
    'accord_append_audit_event',
    `WITH event AS (
       INSERT INTO audit_events (workspace_id, seq, occurred_at, actor_user_id, actor_name, actor_role, actor_party, action,
         entity_type, entity_id, client_id, matrix_id, before, after, ip, user_agent, request_id, prev_hash, hash, body)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,audit_chain_hash($18, $19),$19)
       RETURNING hash
     )
     UPDATE audit_chain_heads SET seq = $2, hash = (SELECT hash FROM event) WHERE workspace_id = $1`,
    [
      payload.workspaceId,
      payload.seq,
      payload.occurredAt,
      payload.actorUserId,
      payload.actorName,
      payload.actorRole,
      payload.actorParty,
      payload.action,
      payload.entityType,
      payload.entityId,
      payload.clientId,
      payload.matrixId,
      payload.before === null ? null : JSON.stringify(payload.before),
      payload.after === null ? null : JSON.stringify(payload.after),
      payload.ip,
      payload.userAgent,
      payload.requestId,
      head.hash,
      body,
    ],
  );
}

export function scopeOf(ctx: TenantContext) {
  return { workspaceId: ctx.workspaceId, clientId: ctx.clientId, userId: ctx.user.id };
}

function toJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

function payloadOf(r: EventRow): AuditPayload {
  return {
    workspaceId: r.workspace_id,
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
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
  };
}

function toView(r: EventRow) {
  const { workspaceId: _ws, ...rest } = payloadOf(r);
  return { ...rest, hash: r.hash };
}
