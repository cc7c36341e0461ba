import { canonicalJson } from '@accord/raci';
import fc from 'fast-check';
import { Client } from 'pg';
import { AuditService } from '../src/audit/audit.service';
import { TenantDb } from '../src/database/tenant-db';
import { type Actor, addMember, createClient, signUp } from './support/actors';
import { behindTheApp as tamper } from './support/audit-chain';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

describe('the audit log', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
  });
  afterAll(() => t.close());

  const base = () => `/api/workspaces/${admin.workspaceId}`;
  const eventCount = async () => (await admin.agent.get(`${base()}/audit-events/verify`).expect(200)).body.events as number;

  it('writes exactly one event per mutation, in any order, and the chain verifies', async () => {
    const client = await createClient(admin, 'Audited Dental');
    let version = client.version;
    let n = 0;
    const mutation = fc.constantFrom('rename', 'archive', 'restore', 'create', 'invite', 'revoke');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 5, maxLength: 12 }), async (steps) => {
        const before = await eventCount();
        let expected = 0;
        for (const step of steps) {
          n++;
          if (step === 'rename' || step === 'archive' || step === 'restore') {
            const body = step === 'rename' ? { name: `Audited Dental ${n}` } : { archived: step === 'archive' };
            const current = await admin.agent.get(`${base()}/clients/${client.id}`).expect(200);
            const changes = step === 'rename' || Boolean(current.body.archivedAt) !== (step === 'archive');
            const res = await admin.agent.patch(`${base()}/clients/${client.id}`).set('If-Match', `"${version}"`).send(body).expect(200);
            version = res.body.version;
            if (changes) expected++;
          } else if (step === 'create') {
            await createClient(admin, `Created ${n}`);
            expected++;
          } else {
            const inv = await admin.agent.post(`${base()}/invitations`).send({ email: `p${n}@x.example`, role: 'msp_engineer' }).expect(201);
            expected++;
            if (step === 'revoke') {
              await admin.agent.delete(`${base()}/invitations/${inv.body.id}`).expect(200);
              expected++;
            }
          }
        }
        expect((await eventCount()) - before).toBe(expected);
        const verify = await admin.agent.get(`${base()}/audit-events/verify`).expect(200);
        expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
      }),
      { numRuns: 5 },
    );
  });

  const behindTheApp = (work: (c: Client) => Promise<unknown>) => tamper(t.db.ownerUrl, work);

  it('refuses, even to the owner with the trigger off, a shown column that differs from the hashed body', async () => {
    const total = await eventCount();
    const target = Math.max(1, total - 1);
    const tamper = (set: string, value: unknown) =>
      behindTheApp((c) => c.query(`UPDATE audit_events SET ${set} = $3 WHERE workspace_id = $1 AND seq = $2`, [admin.workspaceId, target, value]));
    await expect(tamper('after', '{"name": "Forged"}')).rejects.toThrow(/audit_events_body_agrees/);
    await expect(tamper('actor_name', 'Mallory')).rejects.toThrow(/audit_events_body_agrees/);
    await expect(tamper('occurred_at', '2020-01-01T00:00:00Z')).rejects.toThrow(/audit_events_body_agrees/);
    await expect(tamper('entity_id', 'forged')).rejects.toThrow(/audit_events_body_agrees/);
    await expect(tamper('body', '{}')).rejects.toThrow(/audit_events_body_agrees/);
    // Nor can the application write an event whose columns say something else than its body.
    const db = t.app.get(TenantDb);
    await expect(
      db.run({ workspaceId: admin.workspaceId, userId: admin.userId }, (tx) =>
        tx.query(
          `INSERT INTO audit_events (workspace_id, seq, occurred_at, action, entity_type, prev_hash, hash, body)
           SELECT workspace_id, seq + 1000, occurred_at, 'client.archived', entity_type, hash, hash, body FROM audit_events WHERE workspace_id = $1 AND seq = $2`,
          [admin.workspaceId, target],
        ),
      ),
    ).rejects.toThrow(/audit_events_body_agrees/);
    expect((await admin.agent.get(`${base()}/audit-events/verify`).expect(200)).body).toEqual({ ok: true, firstBrokenSeq: null, events: total });
  });

  it('names the sequence number of an event whose body was altered behind the app, columns and all', async () => {
    const total = await eventCount();
    const target = Math.max(1, total - 2);
    await behindTheApp(async (c) => {
      const [row] = (await c.query(`SELECT body FROM audit_events WHERE workspace_id = $1 AND seq = $2`, [admin.workspaceId, target])).rows;
      const forged = { ...JSON.parse(row.body), after: { name: 'Forged' } };
      await c.query(`UPDATE audit_events SET body = $3, after = $4 WHERE workspace_id = $1 AND seq = $2`, [
        admin.workspaceId,
        target,
        canonicalJson(forged),
        JSON.stringify(forged.after),
      ]);
    });
    const verify = await admin.agent.get(`${base()}/audit-events/verify`).expect(200);
    expect(verify.body).toEqual({ ok: false, firstBrokenSeq: target, events: total });
    // The list shows the forged content (it agrees with the body) next to the verdict that exposes it.
    const listed = await admin.agent.get(`${base()}/audit-events?cursor=${target + 1}&limit=1`).expect(200);
    expect(listed.body.items[0]).toMatchObject({ seq: target, after: { name: 'Forged' } });
  });

  it("gives a client user the verdict on the whole chain, but counts their client's events only", async () => {
    const client = await createClient(admin, 'Counted Dental');
    const clientOwner = await addMember(t, admin, 'client_owner', client.id);
    const [{ own }] = await asOwner(t.db.ownerUrl, async (c) =>
      (await c.query(`SELECT count(*)::int AS own FROM audit_events WHERE workspace_id = $1 AND client_id = $2`, [admin.workspaceId, client.id])).rows,
    );
    expect(own).toBeGreaterThan(0);
    const whole = (await admin.agent.get(`${base()}/audit-events/verify`).expect(200)).body;
    const mine = (await clientOwner.agent.get(`${base()}/audit-events/verify`).expect(200)).body;
    // The chain was broken by the test before: the client user learns that too.
    expect(mine).toEqual({ ok: false, firstBrokenSeq: whole.firstBrokenSeq, events: own });
    expect(whole.events).toBeGreaterThan(own);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events to the application role', async () => {
    const app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.workspace_id', $1, true)`, [admin.workspaceId]);
      await expect(app.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.workspace_id', $1, true)`, [admin.workspaceId]);
      await expect(app.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await expect(app.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('refuses updates and deletes even to the owner, through the trigger', async () => {
    await expect(asOwner(t.db.ownerUrl, (c) => c.query(`DELETE FROM audit_events WHERE workspace_id = $1 AND seq = 1`, [admin.workspaceId]))).rejects.toThrow(/append-only/);
  });

  it('leaves no event behind when the change rolls back', async () => {
    const before = await eventCount();
    const db = t.app.get(TenantDb);
    const audit = t.app.get(AuditService);
    await expect(
      db.run({ workspaceId: admin.workspaceId, userId: admin.userId }, async (tx) => {
        await audit.record(tx, { workspaceId: admin.workspaceId, actor: null, meta: { ip: null, userAgent: null, requestId: null } }, {
          action: 'client.created',
          entityType: 'client',
          entityId: null,
        });
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await eventCount()).toBe(before);
    // A refused request writes nothing either.
    await admin.agent.post(`${base()}/clients`).send({ name: '' }).expect(400);
    expect(await eventCount()).toBe(before);
  });

  it('filters by action and pages with a cursor', async () => {
    const first = await admin.agent.get(`${base()}/audit-events?action=client.created&limit=2`).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((e: { action: string }) => e.action === 'client.created')).toBe(true);
    const second = await admin.agent.get(`${base()}/audit-events?action=client.created&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].seq).toBeLessThan(first.body.items[1].seq);
  });
});
