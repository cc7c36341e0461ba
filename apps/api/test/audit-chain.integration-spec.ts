import type { Client } from 'pg';
import { AuditService } from '../src/audit/audit.service';
import { GENESIS_HASH } from '../src/audit/audit-event';
import { FIRST_BROKEN_HASH } from '../src/audit/chain-verification';
import type { TenantContext } from '../src/common/context';
import { type Actor, createClient, signUp } from './support/actors';
import { behindTheApp as tamper, chainHashInNode } from './support/audit-chain';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

/**
 * Verification of a workspace's chain, which PostgreSQL does (AuditService.verify): every way an
 * event can stop following from the one before it, and the seams between the spans it reads.
 */
describe('audit chain verification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A fresh workspace with at least `events` events, all the app's own. */
  async function chainOf(events: number): Promise<{ admin: Actor; total: number }> {
    const admin = await signUp(t);
    while ((await verify(admin)).events < events) await createClient(admin);
    return { admin, total: (await verify(admin)).events };
  }

  const verify = async (a: Actor) =>
    (await a.agent.get(`/api/workspaces/${a.workspaceId}/audit-events/verify`).expect(200)).body;

  /** The service itself, with spans of `span` events, as the admin of `a` would call it. */
  const verifyInSpans = (a: Actor, span: number) =>
    t.app
      .get(AuditService)
      .verify({ workspaceId: a.workspaceId, clientId: null, user: { id: a.userId } } as TenantContext, span);

  const behindTheApp = (work: (c: Client) => Promise<unknown>) => tamper(t.db.ownerUrl, work);

  const event = (a: Actor, seq: number) =>
    asOwner(
      t.db.ownerUrl,
      async (c) =>
        (await c.query(`SELECT * FROM audit_events WHERE workspace_id = $1 AND seq = $2`, [a.workspaceId, seq]))
          .rows[0],
    );

  it('stores as each hash sha256(prev_hash || body), the rule computed apart in Node, and links each event to the one before', async () => {
    const { admin, total } = await chainOf(6);
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= total; seq++) {
      const e = await event(admin, seq);
      expect(e.prev_hash).toBe(prev);
      expect(e.hash).toBe(chainHashInNode(e.prev_hash, e.body));
      prev = e.hash;
    }
    expect(await verify(admin)).toEqual({ ok: true, firstBrokenSeq: null, events: total });
  });

  it('names the event after a removed one', async () => {
    const { admin, total } = await chainOf(6);
    await behindTheApp((c) =>
      c.query(`DELETE FROM audit_events WHERE workspace_id = $1 AND seq = 3`, [admin.workspaceId]),
    );
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: 4, events: total - 1 });
  });

  it('names a re-hashed forgery by the next event, which still points at the old hash', async () => {
    const { admin, total } = await chainOf(6);
    await behindTheApp(async (c) => {
      const { body } = await event(admin, 2);
      const forged = body.replace(/"actorName":"[^"]*"/, '"actorName":"Mallory"');
      expect(forged).not.toBe(body);
      await c.query(
        `UPDATE audit_events SET body = $3, actor_name = 'Mallory', hash = audit_chain_hash(prev_hash, $3) WHERE workspace_id = $1 AND seq = $2`,
        [admin.workspaceId, 2, forged],
      );
    });
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: 3, events: total });
  });

  it('names an event whose link was pointed elsewhere, and one whose hash was replaced', async () => {
    const { admin, total } = await chainOf(6);
    await behindTheApp((c) =>
      c.query(`UPDATE audit_events SET prev_hash = $2 WHERE workspace_id = $1 AND seq = 5`, [
        admin.workspaceId,
        GENESIS_HASH,
      ]),
    );
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: 5, events: total });
    await behindTheApp((c) =>
      c.query(`UPDATE audit_events SET hash = $2 WHERE workspace_id = $1 AND seq = 3`, [
        admin.workspaceId,
        'f'.repeat(64),
      ]),
    );
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: 3, events: total });
  });

  it('names the newest event when it was forged and re-hashed: the chain head still holds its old hash', async () => {
    const { admin, total } = await chainOf(5);
    await behindTheApp(async (c) => {
      const { body } = await event(admin, total);
      const forged = body.replace(/"actorName":"[^"]*"/, '"actorName":"Mallory"');
      expect(forged).not.toBe(body);
      await c.query(
        `UPDATE audit_events SET body = $3, actor_name = 'Mallory', hash = audit_chain_hash(prev_hash, $3) WHERE workspace_id = $1 AND seq = $2`,
        [admin.workspaceId, total, forged],
      );
    });
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: total, events: total });
  });

  it('names the first of the newest events when they were removed: the chain head counted them', async () => {
    const { admin, total } = await chainOf(6);
    await behindTheApp((c) =>
      c.query(`DELETE FROM audit_events WHERE workspace_id = $1 AND seq >= $2`, [admin.workspaceId, total - 1]),
    );
    expect(await verify(admin)).toEqual({ ok: false, firstBrokenSeq: total - 1, events: total - 2 });
    // The app appends after the head; its new event then follows a gap, and is named as any
    // event after removed ones is.
    await createClient(admin);
    expect((await verify(admin)).firstBrokenSeq).toBe(total + 1);
  });

  it('gives the same verdict whatever the span, with a break on either side of a seam or none', async () => {
    const { admin, total } = await chainOf(9);
    const spans = [1, 2, 3, 4, total, 1_000_000];
    for (const span of spans)
      expect(await verifyInSpans(admin, span)).toEqual({ ok: true, firstBrokenSeq: null, events: total });
    // Event 5 starts a span of 2 and of 4 and ends none; event 4 ends them.
    await behindTheApp((c) =>
      c.query(`UPDATE audit_events SET prev_hash = $2 WHERE workspace_id = $1 AND seq = 5`, [
        admin.workspaceId,
        'e'.repeat(64),
      ]),
    );
    for (const span of spans)
      expect(await verifyInSpans(admin, span)).toEqual({ ok: false, firstBrokenSeq: 5, events: total });
    await behindTheApp((c) =>
      c.query(`DELETE FROM audit_events WHERE workspace_id = $1 AND seq = 4`, [admin.workspaceId]),
    );
    for (const span of spans)
      expect(await verifyInSpans(admin, span)).toEqual({ ok: false, firstBrokenSeq: 5, events: total - 1 });
    await behindTheApp((c) =>
      c.query(`UPDATE audit_events SET hash = $2 WHERE workspace_id = $1 AND seq = 2`, [
        admin.workspaceId,
        'd'.repeat(64),
      ]),
    );
    for (const span of spans)
      expect(await verifyInSpans(admin, span)).toEqual({ ok: false, firstBrokenSeq: 2, events: total - 1 });
  });

  it('recomputes the hashes with audit_chain_hash inlined into the pass, not called once per event', async () => {
    // Called through the SQL-function executor, the function cost more per event than the SHA-256.
    const plan = await asOwner(t.db.ownerUrl, async (c) =>
      (
        await c.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${FIRST_BROKEN_HASH}`, [
          '00000000-0000-4000-8000-000000000000',
          1,
          1_000_000,
        ])
      ).rows[0]['QUERY PLAN'],
    );
    const text = JSON.stringify(plan);
    expect(text).toContain('sha256(convert_to(');
    expect(text).not.toContain('audit_chain_hash(');
  });
});
