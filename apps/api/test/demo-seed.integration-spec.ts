import { runSeeds, demoSeeds } from '../src/database/seed';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-identity.seed';
import { browser } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

describe('the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await runSeeds(t.db.ownerUrl, t.db.appUrl, demoSeeds);
  });
  afterAll(() => t.close());

  const counts = () =>
    asOwner(t.db.ownerUrl, async (c) => (await c.query(`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM memberships)::int AS memberships, (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM matrices)::int AS matrices, (SELECT count(*) FROM assignments)::int AS letters`)).rows[0]);

  it('loads once, however often it runs', async () => {
    const first = await counts();
    expect(first).toMatchObject({ users: 6, memberships: 6, matrices: 3 });
    await runSeeds(t.db.ownerUrl, t.db.appUrl, demoSeeds);
    expect(await counts()).toEqual(first);
  });

  it('lets every demo person sign in, into their own workspace and client, with a verifying audit chain', async () => {
    const ida = browser(t);
    const me = await ida.post('/api/auth/login').send({ email: 'ida@harbordental.example', password: DEMO_PASSWORD }).expect(200);
    expect(me.body.memberships).toEqual([expect.objectContaining({ workspaceName: 'Northwind IT Services', role: 'client_it_admin', clientName: 'Harbor Dental' })]);
    const ws = me.body.memberships[0].workspaceId;
    const clients = (await ida.get(`/api/workspaces/${ws}/clients`).expect(200)).body;
    expect(clients.map((c: { name: string }) => c.name)).toEqual(['Harbor Dental']);
    const matrices = (await ida.get(`/api/workspaces/${ws}/clients/${clients[0].id}/matrices`).expect(200)).body;
    expect(matrices).toEqual([expect.objectContaining({ model: 'co_managed', responsibilities: expect.any(Number) })]);

    const bea = browser(t);
    const bluepeak = await bea.post('/api/auth/login').send({ email: 'bea@bluepeak.example', password: DEMO_PASSWORD }).expect(200);
    expect(bluepeak.body.memberships[0].workspaceName).toBe('Bluepeak Managed IT');
    await bea.get(`/api/workspaces/${ws}/clients`).expect(404);

    const alex = browser(t);
    await alex.post('/api/auth/login').send({ email: 'alex@northwind.example', password: DEMO_PASSWORD }).expect(200);
    expect((await alex.get(`/api/workspaces/${ws}/clients`).expect(200)).body.map((c: { name: string }) => c.name)).toEqual(['Harbor Dental', 'Summit Logistics']);
    expect((await alex.get(`/api/workspaces/${ws}/audit-events/verify`).expect(200)).body).toMatchObject({ ok: true });
  });
});
