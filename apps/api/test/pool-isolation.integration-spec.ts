import { DataSource } from 'typeorm';
import { type Actor, createClient, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Two pooled connections carry the requests of five workspaces, interleaved. A tenant setting
 * that survived its transaction would show up here as a foreign row.
 */
describe('tenant settings and the connection pool', () => {
  let t: TestApp;
  let tenants: { admin: Actor; clientNames: string[] }[];

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '2' } });
    tenants = [];
    for (let i = 0; i < 5; i++) {
      const admin = await signUp(t, { workspaceName: `Pool tenant ${i}` });
      const clientNames = [];
      for (let j = 0; j < 3; j++) clientNames.push((await createClient(admin, `T${i} client ${j}`)).name);
      tenants.push({ admin, clientNames });
    }
  });
  afterAll(() => t.close());

  it('serves 500 interleaved concurrent requests from 5 workspaces with 0 foreign rows', async () => {
    const requests = Array.from({ length: 500 }, (_, n) => tenants[(n * 7) % 5]);
    const foreign: string[] = [];
    await Promise.all(
      requests.map(async ({ admin, clientNames }, n) => {
        const res = n % 2 === 0 ? await admin.agent.get(`/api/workspaces/${admin.workspaceId}/clients`) : await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?limit=20`);
        if (res.status !== 200) return foreign.push(`request ${n}: ${res.status}`);
        if (n % 2 === 0) {
          for (const c of res.body as { name: string }[]) if (!clientNames.includes(c.name)) foreign.push(`${admin.workspaceId} saw ${c.name}`);
        } else {
          for (const e of res.body.items as { actorUserId: string }[]) if (e.actorUserId !== admin.userId) foreign.push(`${admin.workspaceId} saw an event of ${e.actorUserId}`);
        }
        return undefined;
      }),
    );
    expect(foreign).toEqual([]);
  });

  it('hands out connections that carry no tenant setting and see no tenant rows', async () => {
    const dataSource = t.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [setting] = await runner.query(`SELECT coalesce(current_setting('app.workspace_id', true), '') AS ws, coalesce(current_setting('app.client_id', true), '') AS client`);
      expect(setting).toEqual({ ws: '', client: '' });
      const [visible] = await runner.query(`SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM memberships)::int AS memberships`);
      expect(visible).toEqual({ clients: 0, events: 0, memberships: 0 });
    } finally {
      await runner.release();
    }
  });
});
