import { addMember, type Actor, browser, createClient, PASSWORD, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

describe('clients', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
  });
  afterAll(() => t.close());
  const url = (id = '') => `/api/workspaces/${admin.workspaceId}/clients${id ? `/${id}` : ''}`;

  it('creates, renames and archives a client, with ETags', async () => {
    const created = await admin.agent.post(url()).send({ name: '  Harbor Dental ' }).expect(201);
    expect(created.body).toMatchObject({ name: 'Harbor Dental', version: 1, archivedAt: null });
    expect(created.headers.etag).toBe('"1"');
    const renamed = await admin.agent.patch(url(created.body.id)).set('If-Match', '"1"').send({ name: 'Harbor Dental Group' }).expect(200);
    expect(renamed.headers.etag).toBe('"2"');
    await admin.agent.delete(url(created.body.id)).set('If-Match', '"2"').expect(200);
    expect((await admin.agent.get(url()).expect(200)).body).toEqual([]);
    const all = await admin.agent.get(`${url()}?archived=true`).expect(200);
    expect(all.body).toEqual([expect.objectContaining({ name: 'Harbor Dental Group', archivedAt: expect.any(String), version: 3 })]);
  });

  it('answers 428 without If-Match and 412 with the current state when it is stale', async () => {
    const client = await createClient(admin, 'Stale Logistics');
    await admin.agent.patch(url(client.id)).send({ name: 'X' }).expect(428);
    await admin.agent.patch(url(client.id)).set('If-Match', '"1"').send({ name: 'First writer' }).expect(200);
    const stale = await admin.agent.patch(url(client.id)).set('If-Match', '"1"').send({ name: 'Second writer' }).expect(412);
    expect(stale.body.current).toMatchObject({ name: 'First writer', version: 2 });
    expect((await admin.agent.get(url(client.id)).expect(200)).body.name).toBe('First writer');
  });

  it('refuses a second client of the same name, naming the field', async () => {
    await createClient(admin, 'Unique Bakery');
    const res = await admin.agent.post(url()).send({ name: 'unique bakery' }).expect(409);
    expect(res.body.details).toEqual([{ field: 'name', message: 'is already taken' }]);
  });

  it('answers 404 for an id that is not a UUID or names nothing', async () => {
    await admin.agent.get(url('not-a-uuid')).expect(404);
    await admin.agent.get(url('00000000-0000-4000-8000-000000000000')).expect(404);
  });

  it('lets only the MSP admin manage clients', async () => {
    const engineer = await addMember(t, admin, 'msp_engineer');
    await engineer.agent.get(url()).expect(200);
    await engineer.agent.post(url()).send({ name: 'Not allowed' }).expect(403);
  });
});

describe('people and invitations', () => {
  let t: TestApp;
  let admin: Actor;
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
    clientId = (await createClient(admin, 'Invite Dental')).id;
  });
  afterAll(() => t.close());
  const base = () => `/api/workspaces/${admin.workspaceId}`;

  it('shows the invitee what they are joining, accepts once, and signs them in', async () => {
    const inv = await admin.agent.post(`${base()}/invitations`).send({ email: 'Ida@Invite.example', role: 'client_it_admin', clientId }).expect(201);
    expect(inv.body).toMatchObject({ email: 'ida@invite.example', emailed: false, acceptUrl: expect.stringContaining('/invitations/') });
    const token = inv.body.acceptUrl.split('/').pop();
    const preview = await browser(t).get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ clientName: 'Invite Dental', role: 'client_it_admin', accountExists: false });
    const ida = browser(t);
    await ida.post(`/api/invitations/${token}/accept`).send({ name: 'Ida', password: 'short' }).expect(400);
    const accepted = await ida.post(`/api/invitations/${token}/accept`).send({ name: 'Ida', password: PASSWORD }).expect(200);
    expect(accepted.body.memberships[0]).toMatchObject({ role: 'client_it_admin', clientId, clientName: 'Invite Dental' });
    await ida.get('/api/auth/me').expect(200);
    await browser(t).post(`/api/invitations/${token}/accept`).send({ name: 'Again', password: PASSWORD }).expect(410);
  });

  it('links an existing account with its password', async () => {
    const other = await signUp(t, { email: 'sam@elsewhere.example' });
    const inv = await admin.agent.post(`${base()}/invitations`).send({ email: other.email, role: 'msp_engineer' }).expect(201);
    const token = inv.body.acceptUrl.split('/').pop();
    expect((await browser(t).get(`/api/invitations/${token}`).expect(200)).body.accountExists).toBe(true);
    await browser(t).post(`/api/invitations/${token}/accept`).send({ password: 'wrong-password-here' }).expect(401);
    const res = await browser(t).post(`/api/invitations/${token}/accept`).send({ password: PASSWORD }).expect(200);
    expect(res.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['msp_admin', 'msp_engineer']);
  });

  it('refuses an expired or revoked invitation with 410, and an unknown token with 404', async () => {
    const inv = await admin.agent.post(`${base()}/invitations`).send({ email: 'late@x.example', role: 'msp_engineer' }).expect(201);
    await asOwner(t.db.ownerUrl, (c) => c.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.body.id]));
    await browser(t).get(`/api/invitations/${inv.body.acceptUrl.split('/').pop()}`).expect(410);
    const revoked = await admin.agent.post(`${base()}/invitations`).send({ email: 'gone@x.example', role: 'msp_engineer' }).expect(201);
    await admin.agent.delete(`${base()}/invitations/${revoked.body.id}`).expect(200);
    await browser(t).post(`/api/invitations/${revoked.body.acceptUrl.split('/').pop()}/accept`).send({ name: 'G', password: PASSWORD }).expect(410);
    await browser(t).get('/api/invitations/no-such-token').expect(404);
  });

  it('requires a client for client roles and none for MSP roles', async () => {
    const a = await admin.agent.post(`${base()}/invitations`).send({ email: 'c@x.example', role: 'client_owner' }).expect(400);
    expect(a.body.details[0].field).toBe('clientId');
    const b = await admin.agent.post(`${base()}/invitations`).send({ email: 'm@x.example', role: 'msp_engineer', clientId }).expect(400);
    expect(b.body.details[0].field).toBe('clientId');
  });

  it('changes a role with If-Match and never removes the last MSP admin', async () => {
    const viewer = await addMember(t, admin, 'client_viewer', clientId);
    const members = (await admin.agent.get(`${base()}/members`).expect(200)).body as { id: string; userId: string; version: number }[];
    const mine = members.find((m) => m.userId === admin.userId) as { id: string; version: number };
    const theirs = members.find((m) => m.userId === viewer.userId) as { id: string; version: number };
    await admin.agent.patch(`${base()}/members/${mine.id}`).set('If-Match', `"${mine.version}"`).send({ role: 'msp_engineer' }).expect(409);
    await admin.agent.delete(`${base()}/members/${mine.id}`).set('If-Match', `"${mine.version}"`).expect(409);
    const promoted = await admin.agent.patch(`${base()}/members/${theirs.id}`).set('If-Match', `"${theirs.version}"`).send({ role: 'client_owner', clientId }).expect(200);
    expect(promoted.body).toMatchObject({ role: 'client_owner', version: theirs.version + 1 });
    await admin.agent.delete(`${base()}/members/${theirs.id}`).set('If-Match', `"${promoted.body.version}"`).expect(204);
    await viewer.agent.get(`${base()}/clients`).expect(404);
  });
});
