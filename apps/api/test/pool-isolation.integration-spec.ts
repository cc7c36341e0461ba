import { DataSource } from 'typeorm';
import { type RunOptions, TenantDb } from '../src/database/tenant-db';
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

  it('commits only the grid\'s letter edits without waiting for the disk, and the choice ends with its transaction', async () => {
    const db = t.app.get(TenantDb);
    const { admin } = tenants[0];
    const scope = { workspaceId: admin.workspaceId, userId: admin.userId };
    const commitMode = (options?: RunOptions) =>
      db.run(scope, async (tx) => (await tx.query(`SELECT current_setting('synchronous_commit') AS mode`))[0].mode, options);
    // The test server commits with synchronous_commit off anyway; a session setting of `local` on
    // both pooled connections makes the transaction's own setting, and its end, visible.
    const onBothConnections = async (sql: string) => {
      let arrived = 0;
      let bothHere: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => (bothHere = resolve));
      await Promise.all([0, 1].map(() => db.run(scope, async (tx) => {
        await tx.query(sql);
        if (++arrived === 2) bothHere();
        await barrier;
      })));
    };
    await onBothConnections(`SET synchronous_commit = local`);
    try {
      expect(await Promise.all([commitMode(), commitMode()])).toEqual(['local', 'local']);
      expect(await commitMode({ commit: 'unflushed' })).toBe('off');
      expect(await Promise.all([commitMode(), commitMode()])).toEqual(['local', 'local']);
    } finally {
      await onBothConnections(`RESET synchronous_commit`);
    }

    const clientId = (await createClient(admin)).id;
    const matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Commit modes', template: 'co_managed' }).expect(201)).body;
    const base = `/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}`;
    const row = matrix.responsibilities[0];
    const run = jest.spyOn(db, 'run');
    try {
      const modes = () => run.mock.calls.map(([, , options]) => options?.commit ?? 'durable');
      await admin.agent.put(`${base}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [matrix.parties[0].id]: 'A' } }).expect(200);
      expect(modes()).toEqual(['unflushed']);
      run.mockClear();
      await admin.agent.patch(`${base}/responsibilities/${row.id}`).set('If-Match', `"${row.version + 1}"`).send({ title: 'Renamed, durably' }).expect(200);
      expect(modes()).toEqual(['durable']);
    } finally {
      run.mockRestore();
    }
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
