import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { addMember, type Actor, createClient, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

interface Row {
  id: string;
  title: string;
  version: number;
  letters: Record<string, string>;
  violations: { code: string }[];
}

describe('the responsibility matrix', () => {
  let t: TestApp;
  let admin: Actor;
  let clientId: string;
  let matrix: { id: string; parties: { id: string; key: string }[]; responsibilities: Row[] };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
    clientId = (await createClient(admin, 'Harbor Dental')).id;
    matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Division of IT work', template: 'co_managed' }).expect(201)).body;
  });
  afterAll(() => t.close());
  const base = () => `/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}`;

  /** The answer of `request` and how many queries the app sent through TypeORM to give it. */
  const queriesOf = async <B>(request: PromiseLike<{ body: B }>) => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { body } = await request;
      return { queries: spy.mock.calls.length, body };
    } finally {
      spy.mockRestore();
    }
  };

  it('creates a co-managed matrix from the template, with its parties and rows, all signable', async () => {
    expect(matrix.parties.map((p) => p.key)).toEqual(expect.arrayContaining(['msp', 'internal_it', 'business']));
    expect(matrix.responsibilities.length).toBeGreaterThanOrEqual(40);
    expect(matrix.responsibilities.every((r) => r.violations.length === 0)).toBe(true);
    const list = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: matrix.id, model: 'co_managed', responsibilities: matrix.responsibilities.length })]);
  });

  it('sets a row\'s letters with If-Match, shows the broken rule, and records before and after', async () => {
    const row = matrix.responsibilities[0];
    const [msp, it] = matrix.parties;
    await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).send({ letters: { [msp.id]: 'R' } }).expect(428);
    const res = await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'R', [it.id]: 'R' } }).expect(200);
    expect(res.body.violations.map((v: { code: string }) => v.code)).toEqual(['no_accountable']);
    expect(res.headers.etag).toBe(`"${row.version + 1}"`);
    const events = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?action=responsibility.letters_set`).expect(200);
    expect(events.body.items[0]).toMatchObject({ matrixId: matrix.id, after: { letters: { [msp.key]: 'R', [it.key]: 'R' } } });
    const gaps = await admin.agent.get(`${base()}/gaps`).expect(200);
    expect(gaps.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'no_accountable', responsibilityId: row.id })]));
  });

  it('refuses a letter that is not R, A, C or I, and a party of another matrix, naming them', async () => {
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities[1] as Row;
    const [msp] = matrix.parties;
    const letter = await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'X' } }).expect(400);
    expect(letter.body.details).toEqual([{ field: 'letters', message: 'letters must map party ids to R, A, C or I' }]);
    const stranger = await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'R', '00000000-0000-4000-8000-000000000000': 'A' } }).expect(400);
    expect(stranger.body.details.map((d: { field: string }) => d.field)).toEqual(['letters.00000000-0000-4000-8000-000000000000']);
  });

  it('lets exactly one of 50 concurrent writes with the same If-Match win; the rest get 412 and nothing is lost', async () => {
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities[2] as Row;
    const parties = matrix.parties;
    const before = (await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events/verify`).expect(200)).body.events;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        admin.agent
          .put(`${base()}/responsibilities/${row.id}/assignments`)
          .set('If-Match', `"${row.version}"`)
          .send({ letters: { [parties[i % parties.length].id]: 'A', [parties[(i + 1) % parties.length].id]: 'R' } }),
      ),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(49);
    const stale = results.find((r) => r.status === 412);
    expect(stale?.body.current).toMatchObject({ id: row.id, version: row.version + 1, letters: won[0].body.letters });
    const after = (await admin.agent.get(base()).expect(200)).body.responsibilities.find((r: Row) => r.id === row.id);
    expect(after).toMatchObject({ version: row.version + 1, letters: won[0].body.letters });
    const verify = (await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events/verify`).expect(200)).body;
    expect(verify).toMatchObject({ ok: true, events: before + 1 });
  });

  it('never conflicts over different rows edited at the same time', async () => {
    const rows = ((await admin.agent.get(base()).expect(200)).body.responsibilities as Row[]).slice(5, 15);
    const [msp, it] = matrix.parties;
    const results = await Promise.all(
      rows.map((row) => admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'A', [it.id]: 'R' } })),
    );
    expect(results.map((r) => r.status)).toEqual(rows.map(() => 200));
  });

  it('adds, renames and deletes a row', async () => {
    const added = await admin.agent.post(`${base()}/responsibilities`).send({ category: 'backups', title: 'Quarterly restore test of the X-ray server', critical: true }).expect(201);
    expect(added.body).toMatchObject({ key: 'quarterly_restore_test_of_the_x_ray_server', version: 1, violations: expect.any(Array) });
    const renamed = await admin.agent.patch(`${base()}/responsibilities/${added.body.id}`).set('If-Match', '"1"').send({ title: 'Monthly restore test' }).expect(200);
    expect(renamed.body).toMatchObject({ title: 'Monthly restore test', version: 2 });
    await admin.agent.delete(`${base()}/responsibilities/${added.body.id}`).set('If-Match', '"1"').expect(412);
    await admin.agent.delete(`${base()}/responsibilities/${added.body.id}`).set('If-Match', '"2"').expect(204);
    await admin.agent.patch(`${base()}/responsibilities/${added.body.id}`).set('If-Match', '"2"').send({ title: 'Gone' }).expect(404);
  });

  it('reads a matrix in the same number of queries for 10 rows and for 500', async () => {
    const small = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Small', template: 'blank' }).expect(201)).body;
    const large = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Large', template: 'blank' }).expect(201)).body;
    await asOwner(t.db.ownerUrl, async (c) => {
      for (const [m, n] of [[small, 10], [large, 500]] as const) {
        await c.query(
          `INSERT INTO responsibilities (workspace_id, client_id, matrix_id, key, category, title, position)
           SELECT $1, $2, $3, 'row-' || i, 'help_desk', 'Row ' || i, i FROM generate_series(1, $4) AS i`,
          [admin.workspaceId, clientId, m.id, n],
        );
        await c.query(
          `INSERT INTO assignments (workspace_id, client_id, matrix_id, responsibility_id, party_id, letter)
           SELECT r.workspace_id, r.client_id, r.matrix_id, r.id, p.id, CASE WHEN p.position = 0 THEN 'A' ELSE 'R' END
           FROM responsibilities r JOIN matrix_parties p ON p.matrix_id = r.matrix_id WHERE r.matrix_id = $1`,
          [m.id],
        );
      }
    });
    const count = async (id: string) => {
      const { queries, body } = await queriesOf(admin.agent.get(`/api/workspaces/${admin.workspaceId}/matrices/${id}`).expect(200));
      return { queries, rows: body.responsibilities.length };
    };
    const a = await count(small.id);
    const b = await count(large.id);
    expect(a.rows).toBe(10);
    expect(b.rows).toBe(500);
    expect(b.queries).toBe(a.queries);
    // Two transactions whatever the size: the person with their membership and the path's ids,
    // then the read itself, one query building the JSON.
    expect(a.queries).toBeLessThanOrEqual(8);
  });

  it('builds the dashboard in a fixed number of queries however many matrices, each with its own gaps', async () => {
    const owner = await signUp(t);
    const clients = [await createClient(owner, 'Alder Clinic'), await createClient(owner, 'Birch Legal')];
    const create = (clientId: string, template: string) =>
      owner.agent.post(`/api/workspaces/${owner.workspaceId}/clients/${clientId}/matrices`).send({ name: `Division ${template}`, template }).expect(201);
    const dashboard = () => queriesOf(owner.agent.get(`/api/workspaces/${owner.workspaceId}/dashboard`).expect(200));
    const first = (await create(clients[0].id, 'co_managed')).body;
    const one = await dashboard();
    const others = [(await create(clients[0].id, 'fully_managed')).body, (await create(clients[1].id, 'co_managed')).body];
    // A broken row in one draft only: its counts must not leak into the others'.
    const row = others[1].responsibilities[0];
    await owner.agent.put(`/api/workspaces/${owner.workspaceId}/matrices/${others[1].id}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: {} }).expect(200);
    // A saved policy in one draft only (its critical rows without a path become gaps): the
    // policies read together must each reach their own matrix.
    const policyUrl = `/api/workspaces/${owner.workspaceId}/matrices/${first.id}/escalation-policy`;
    const policy = (await owner.agent.get(policyUrl).expect(200)).body.policy;
    await owner.agent.put(policyUrl).set('If-Match', '"0"').send(policy).expect(200);
    const three = await dashboard();
    expect(three.queries).toBe(one.queries);
    const shown = three.body.clients.flatMap((c: { matrices: { matrixId: string; ruleBreaks: number; gaps: Record<'high' | 'medium' | 'low', number> }[] }) => c.matrices);
    expect(shown.map((m: { matrixId: string }) => m.matrixId).sort()).toEqual([first.id, ...others.map((m) => m.id)].sort());
    const pathless = (gaps: { kind: string }[]) => gaps.filter((g) => g.kind === 'critical_without_path').length;
    for (const m of shown) {
      const gaps = (await owner.agent.get(`/api/workspaces/${owner.workspaceId}/matrices/${m.matrixId}/gaps`).expect(200)).body;
      const list = Array.isArray(gaps) ? gaps : gaps.gaps;
      expect(pathless(list) > 0).toBe(m.matrixId === first.id);
      for (const severity of ['high', 'medium', 'low'] as const)
        expect(m.gaps[severity]).toBe(list.filter((g: { severity: string }) => g.severity === severity).length);
      const draft = (await owner.agent.get(`/api/workspaces/${owner.workspaceId}/matrices/${m.matrixId}`).expect(200)).body;
      const breaks = draft.responsibilities.reduce((n: number, r: Row) => n + r.violations.length, 0);
      expect(m.ruleBreaks).toBe(breaks);
      expect(breaks > 0).toBe(m.matrixId === others[1].id);
    }
  });

  it('reads in one query the same view the writes answer with, broken rows and all', async () => {
    const current = (await admin.agent.get(base()).expect(200)).body;
    const row = current.responsibilities[4] as Row;
    const [msp] = matrix.parties;
    await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'R' } }).expect(200);
    // A rename answers with the view built row by row in TypeScript (matrixView of readMatrix).
    const renamed = await admin.agent.patch(base()).set('If-Match', `"${current.version}"`).send({ name: current.name }).expect(200);
    const read = await admin.agent.get(base()).expect(200);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.headers.etag).toBe(`"${renamed.body.version}"`);
    expect(read.body).toEqual(renamed.body);
    expect(read.body.signable).toBe(false);
    expect(read.body.responsibilities.find((r: Row) => r.id === row.id).violations.map((v: { code: string }) => v.code)).toEqual(['no_accountable']);
  });

  it('answers every read with the draft as it is now, though it keeps the one it built last', async () => {
    const read = async () => (await admin.agent.get(base()).expect(200)).body;
    const first = await read();
    expect(await read()).toEqual(first);
    // Each kind of change, then a read: the read is the draft after the change, never the one kept.
    const row = first.responsibilities[7] as Row;
    const [msp, it] = matrix.parties;
    await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { [msp.id]: 'A', [it.id]: 'R' } }).expect(200);
    expect((await read()).responsibilities.find((r: Row) => r.id === row.id).letters).toEqual({ [msp.id]: 'A', [it.id]: 'R' });
    await admin.agent.patch(`${base()}/responsibilities/${row.id}`).set('If-Match', `"${row.version + 1}"`).send({ title: 'Kept drafts never go stale' }).expect(200);
    expect((await read()).responsibilities.find((r: Row) => r.id === row.id).title).toBe('Kept drafts never go stale');
    const added = await admin.agent.post(`${base()}/parties`).send({ name: 'Print vendor' }).expect(201);
    expect(await read()).toEqual(added.body);
    const party = added.body.parties.find((p: { key: string }) => p.key === 'print_vendor');
    const renamed = await admin.agent.patch(`${base()}/parties/${party.id}`).set('If-Match', '"1"').send({ name: 'Copier vendor' }).expect(200);
    expect(await read()).toEqual(renamed.body);
    const removed = await admin.agent.delete(`${base()}/parties/${party.id}`).set('If-Match', '"2"').expect(200);
    expect(await read()).toEqual(removed.body);
    await admin.agent.delete(`${base()}/responsibilities/${row.id}`).set('If-Match', `"${row.version + 2}"`).expect(204);
    expect((await read()).responsibilities.map((r: Row) => r.id)).not.toContain(row.id);
    const current = await read();
    const retitled = await admin.agent.patch(base()).set('If-Match', `"${current.version}"`).send({ name: 'Division of IT work, kept' }).expect(200);
    expect(await read()).toEqual(retitled.body);
  });

  it('shows a client user their own client\'s matrix and nobody else\'s', async () => {
    const other = await createClient(admin, 'Summit Logistics');
    const ida = await addMember(t, admin, 'client_it_admin', clientId);
    const omar = await addMember(t, admin, 'client_owner', other.id);
    await ida.agent.get(base()).expect(200);
    await omar.agent.get(base()).expect(404);
    await omar.agent.get(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).expect(404);
    const row = matrix.responsibilities[3];
    // An editor of the other client may edit matrices, just not this one: it does not exist for them.
    const otherEditor = await addMember(t, admin, 'client_it_admin', other.id);
    await otherEditor.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: {} }).expect(404);
  });

  it('adds, renames and removes a custom party, its letters going with it', async () => {
    const added = await admin.agent.post(`${base()}/parties`).send({ name: 'Cloud vendor', requiredToSign: false }).expect(201);
    const vendor = added.body.parties.find((p: { key: string }) => p.key === 'cloud_vendor');
    expect(vendor).toMatchObject({ name: 'Cloud vendor', kind: 'custom', version: 1 });
    await admin.agent.post(`${base()}/parties`).send({ name: 'cloud VENDOR' }).expect(409);
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities[20] as Row;
    await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: { ...row.letters, [vendor.id]: 'C' } }).expect(200);
    const renamed = await admin.agent.patch(`${base()}/parties/${vendor.id}`).set('If-Match', '"1"').send({ name: 'Azure partner' }).expect(200);
    expect(renamed.body.parties.find((p: { id: string }) => p.id === vendor.id)).toMatchObject({ name: 'Azure partner', version: 2 });
    await admin.agent.delete(`${base()}/parties/${vendor.id}`).set('If-Match', '"1"').expect(412);
    const removed = await admin.agent.delete(`${base()}/parties/${vendor.id}`).set('If-Match', '"2"').expect(200);
    expect(removed.body.parties.map((p: { id: string }) => p.id)).not.toContain(vendor.id);
    expect(removed.body.responsibilities.find((r: Row) => r.id === row.id).letters[vendor.id]).toBeUndefined();
    const msp = matrix.parties.find((p) => p.key === 'msp') as { id: string };
    await admin.agent.delete(`${base()}/parties/${msp.id}`).set('If-Match', '"1"').expect(409);
  });

  it('previews a move to the fully managed model in plain language, then applies it in one step', async () => {
    const fresh = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Growing', template: 'co_managed' }).expect(201)).body;
    const url = `/api/workspaces/${admin.workspaceId}/matrices/${fresh.id}/transition`;
    await admin.agent.get(`${url}?to=sideways`).expect(400);
    const preview = await admin.agent.get(`${url}?to=fully_managed`).expect(200);
    expect(preview.body).toMatchObject({ from: 'co_managed', to: 'fully_managed', version: fresh.version });
    expect(preview.body.changes.length).toBeGreaterThan(0);
    expect(preview.body.changes.join(' ')).toMatch(/Internal IT/);
    const unchanged = (await admin.agent.get(`/api/workspaces/${admin.workspaceId}/matrices/${fresh.id}`).expect(200)).body;
    expect(unchanged.model).toBe('co_managed');
    await admin.agent.post(url).send({ to: 'fully_managed' }).expect(428);
    const applied = await admin.agent.post(url).set('If-Match', `"${fresh.version}"`).send({ to: 'fully_managed' }).expect(200);
    expect(applied.body).toMatchObject({ model: 'fully_managed', version: fresh.version + 1, signable: true });
    expect(applied.body.parties.map((p: { key: string }) => p.key)).not.toContain('internal_it');
    await admin.agent.post(url).set('If-Match', `"${fresh.version}"`).send({ to: 'co_managed' }).expect(412);
    const events = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?action=matrix.model_changed`).expect(200);
    expect(events.body.items[0]).toMatchObject({ matrixId: fresh.id, before: { model: 'co_managed' }, after: { model: 'fully_managed' } });
  });

  it('renames, reorders and saves a matrix as the workspace\'s own template, which new matrices can start from', async () => {
    const fresh = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Template source', template: 'fully_managed' }).expect(201)).body;
    const url = `/api/workspaces/${admin.workspaceId}/matrices/${fresh.id}`;
    const renamed = await admin.agent.patch(url).set('If-Match', `"${fresh.version}"`).send({ name: 'Dental standard' }).expect(200);
    const order = (renamed.body.responsibilities as Row[]).map((r) => r.id).reverse();
    await admin.agent.post(`${url}/responsibilities/reorder`).set('If-Match', `"${renamed.body.version}"`).send({ order: order.slice(1) }).expect(400);
    const reordered = await admin.agent.post(`${url}/responsibilities/reorder`).set('If-Match', `"${renamed.body.version}"`).send({ order }).expect(200);
    expect((reordered.body.responsibilities as Row[]).map((r) => r.id)).toEqual(order);
    const saved = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/templates`).send({ name: 'Dental standard', matrixId: fresh.id }).expect(201);
    await admin.agent.post(`/api/workspaces/${admin.workspaceId}/templates`).send({ name: 'dental STANDARD', matrixId: fresh.id }).expect(409);
    const templates = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/templates`).expect(200);
    expect(templates.body.map((t: { id: string }) => t.id)).toEqual(['fully_managed', 'co_managed', saved.body.id]);
    const copy = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'From our template', template: saved.body.id }).expect(201);
    expect((copy.body.responsibilities as Row[]).map((r) => r.title)).toEqual((reordered.body.responsibilities as Row[]).map((r) => r.title));
    const outsider = await signUp(t);
    const theirClient = await createClient(outsider, 'Not yours');
    await outsider.agent.post(`/api/workspaces/${outsider.workspaceId}/clients/${theirClient.id}/matrices`).send({ name: 'Stolen', template: saved.body.id }).expect(404);
  });
});
