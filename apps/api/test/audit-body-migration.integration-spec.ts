import { DataSource } from 'typeorm';
import { eventBody } from '../src/audit/audit-chain';
import type { AuditPayload } from '../src/audit/audit-event';
import { runMigrations } from '../src/database/migrate';
import { AuditEventBody1764800000000 } from '../src/database/migrations/1764800000000-audit-event-body';
import { migrations } from '../src/database/migrations';
import { ownerDataSourceOptions } from '../src/database/typeorm-options';
import { type Actor, createClient, signUp } from './support/actors';
import { behindTheApp, chainHashInNode } from './support/audit-chain';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

/** A chain long enough that verification's plans are not a one-row affair. */
const LONG_CHAIN = 12_345;

describe('stored audit bodies', () => {
  let t: TestApp;
  let small: Actor;
  let long: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    small = await signUp(t);
    const client = await createClient(small, 'Body Dental');
    await small.agent.patch(`/api/workspaces/${small.workspaceId}/clients/${client.id}`).set('If-Match', `"${client.version}"`).send({ name: 'Body Dental & Co' }).expect(200);
    long = await signUp(t);
    await appendDirectly(long, LONG_CHAIN);
  });
  afterAll(() => t.close());

  const verify = (a: Actor) => a.agent.get(`/api/workspaces/${a.workspaceId}/audit-events/verify`).expect(200);
  const bodies = () =>
    asOwner(t.db.ownerUrl, async (c) => (await c.query(`SELECT workspace_id, seq, body FROM audit_events ORDER BY workspace_id, seq`)).rows);

  /** As a bulk loader would: events built and hashed here, stored with one multi-row INSERT, the head moved on. */
  async function appendDirectly(a: Actor, count: number) {
    await asOwner(t.db.ownerUrl, async (c) => {
      await c.query('BEGIN');
      const [head] = (await c.query(`SELECT seq, hash FROM audit_chain_heads WHERE workspace_id = $1 FOR UPDATE`, [a.workspaceId])).rows;
      let prev: string = head.hash;
      const rows: Array<{ p: AuditPayload; prev: string; hash: string; body: string }> = [];
      for (let i = 1; i <= count; i++) {
        const p: AuditPayload = {
          workspaceId: a.workspaceId,
          seq: Number(head.seq) + i,
          occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
          actorUserId: a.userId,
          actorName: 'Loader',
          actorRole: 'msp_admin',
          actorParty: 'msp',
          action: 'client.renamed',
          entityType: 'client',
          entityId: `c${i}`,
          clientId: null,
          matrixId: null,
          before: { name: `Name ${i - 1}`, n: i - 1.5 },
          after: { name: `Name ${i} "quoted" ☃`, n: i },
          ip: '192.0.2.1',
          userAgent: 'loader',
          requestId: `r${i}`,
        };
        const body = eventBody(p);
        const hash = chainHashInNode(prev, body);
        rows.push({ p, prev, hash, body });
        prev = hash;
      }
      await c.query(
        `INSERT INTO audit_events (workspace_id, seq, occurred_at, actor_user_id, actor_name, actor_role, actor_party, action,
           entity_type, entity_id, before, after, ip, user_agent, request_id, prev_hash, hash, body)
         SELECT $1, u.seq, u.occurred_at, $2, 'Loader', 'msp_admin', 'msp', 'client.renamed', 'client', u.entity_id, u.before, u.after,
           '192.0.2.1', 'loader', u.request_id, u.prev_hash, u.hash, u.body
         FROM unnest($3::bigint[], $4::timestamptz[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS u(seq, occurred_at, entity_id, before, after, request_id, prev_hash, hash, body)`,
        [
          a.workspaceId,
          a.userId,
          rows.map((r) => r.p.seq),
          rows.map((r) => r.p.occurredAt),
          rows.map((r) => r.p.entityId),
          rows.map((r) => JSON.stringify(r.p.before)),
          rows.map((r) => JSON.stringify(r.p.after)),
          rows.map((r) => r.p.requestId),
          rows.map((r) => r.prev),
          rows.map((r) => r.hash),
          rows.map((r) => r.body),
        ],
      );
      await c.query(`UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE workspace_id = $1`, [a.workspaceId, rows[rows.length - 1].p.seq, prev]);
      await c.query('COMMIT');
    });
  }

  it('verifies a long chain built in Node, and names an event far into it', async () => {
    const { body } = await verify(long);
    expect(body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(body.events).toBeGreaterThan(LONG_CHAIN);
    const target = body.events - 4321;
    // A forger who also re-hashes the event: the next one still points at the old hash.
    await behindTheApp(t.db.ownerUrl, async (c) => {
      const [row] = (await c.query(`SELECT prev_hash, body FROM audit_events WHERE workspace_id = $1 AND seq = $2`, [long.workspaceId, target])).rows;
      const forged = row.body.replace('"loader"', '"forger"');
      await c.query(`UPDATE audit_events SET body = $3, user_agent = 'forger', hash = $4 WHERE workspace_id = $1 AND seq = $2`, [
        long.workspaceId,
        target,
        forged,
        chainHashInNode(row.prev_hash, forged),
      ]);
    });
    expect((await verify(long)).body).toEqual({ ok: false, firstBrokenSeq: target + 1, events: body.events });
  });

  it('migrates down and up again: the bodies written from the columns are the bytes that were hashed', async () => {
    const before = await bodies();
    const dataSource = new DataSource(ownerDataSourceOptions(t.db.ownerUrl, t.db.appUrl));
    await dataSource.initialize();
    // This migration and every one after it, newest first.
    const undone = migrations.slice(migrations.indexOf(AuditEventBody1764800000000)).map((m) => m.name);
    try {
      for (let i = 0; i < undone.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const columns = await asOwner(t.db.ownerUrl, async (c) =>
      (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_events' AND column_name = 'body'`)).rows,
    );
    expect(columns).toEqual([]);

    expect(await runMigrations(t.db.ownerUrl, t.db.appUrl)).toEqual(undone);
    // Every body again, forged one included: a tampered event stays exposed.
    expect(await bodies()).toEqual(before);
    expect((await verify(small)).body).toMatchObject({ ok: true });
    expect((await verify(long)).body).toMatchObject({ ok: false });
    // And the app appends to the migrated chain as before.
    await createClient(small, 'After The Migration');
    expect((await verify(small)).body).toMatchObject({ ok: true });
  });
});
