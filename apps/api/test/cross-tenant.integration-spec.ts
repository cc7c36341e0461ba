import { addMember, type Actor, createClient, signUp } from './support/actors';
import { fill, type Route, routesOf } from './support/openapi-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * For every route of the OpenAPI document that takes an id, people who must not reach the first
 * workspace's objects try its ids: a member of another workspace, and a client user of another
 * client of the same workspace. Never a 2xx; 404, or 403 where the object is theirs but the
 * action is not.
 */
describe('cross-tenant access, route by route', () => {
  let t: TestApp;
  let adminA: Actor;
  let ids: Record<string, string>;
  let outsider: Actor;
  let otherClientUser: Actor;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp();
    adminA = await signUp(t, { workspaceName: 'Tenant A' });
    const clientA1 = await createClient(adminA, 'A1');
    const clientA2 = await createClient(adminA, 'A2');
    const memberA1 = await addMember(t, adminA, 'client_it_admin', clientA1.id);
    // An editor of another client: allowed to edit matrices, so only the ids stand between them and A1's.
    otherClientUser = await addMember(t, adminA, 'client_it_admin', clientA2.id);
    const members = await adminA.agent.get(`/api/workspaces/${adminA.workspaceId}/members`).expect(200);
    const invitation = await adminA.agent
      .post(`/api/workspaces/${adminA.workspaceId}/invitations`)
      .send({ email: 'pending@a.example', role: 'client_viewer', clientId: clientA1.id })
      .expect(201);
    const matrix = await adminA.agent.post(`/api/workspaces/${adminA.workspaceId}/clients/${clientA1.id}/matrices`).send({ name: 'A1 matrix', template: 'co_managed' }).expect(201);
    ids = {
      ws: adminA.workspaceId,
      clientId: clientA1.id,
      matrixId: matrix.body.id,
      partyId: matrix.body.parties[matrix.body.parties.length - 1].id,
      responsibilityId: matrix.body.responsibilities[0].id,
      memberId: members.body.find((m: { userId: string }) => m.userId === memberA1.userId).id,
      invitationId: invitation.body.id,
      pathKey: 'security_incidents',
      claimId: '00000000-0000-4000-8000-000000000000',
      n: '1',
    };
    outsider = await signUp(t, { workspaceName: 'Tenant B' });
    await createClient(outsider, 'B1');
    const doc = await adminA.agent.get('/api/docs-json').expect(200);
    routes = routesOf(doc.body).filter((r) => r.params.some((p) => p in ids));
  });
  afterAll(() => t.close());

  async function attempt(actor: Actor, route: Route) {
    const url = fill(route.path, ids);
    const res = await actor.agent[route.method](url).set('If-Match', '"1"').send({ name: 'Intruder', role: 'msp_admin', email: 'x@evil.example', archived: true });
    return res.status;
  }

  it('covers the routes that take ids', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('answers a member of another workspace 404 on every route with the first workspace in it', async () => {
    const tried: string[] = [];
    const leaks: string[] = [];
    for (const route of routes) {
      const status = await attempt(outsider, route);
      tried.push(`${route.method.toUpperCase()} ${route.path}`);
      if (status !== 404) leaks.push(`${route.method.toUpperCase()} ${route.path} -> ${status}`);
    }
    console.log(`cross-tenant: tried ${tried.length} route-identity pairs as a member of another workspace`);
    expect(leaks).toEqual([]);
  });

  it('answers a client user of another client 404 (or 403 for an action their role lacks), never 2xx', async () => {
    const leaks: string[] = [];
    let tried = 0;
    for (const route of routes.filter((r) => r.params.length > 1)) {
      const status = await attempt(otherClientUser, route);
      tried++;
      if (status !== 404 && status !== 403) leaks.push(`${route.method.toUpperCase()} ${route.path} -> ${status}`);
    }
    console.log(`cross-tenant: tried ${tried} route-identity pairs as a client user of another client`);
    expect(leaks).toEqual([]);
  });

  it('left the first workspace as it was', async () => {
    const clients = await adminA.agent.get(`/api/workspaces/${ids.ws}/clients`).expect(200);
    expect(clients.body.map((c: { name: string }) => c.name)).toEqual(['A1', 'A2']);
    const members = await adminA.agent.get(`/api/workspaces/${ids.ws}/members`).expect(200);
    expect(members.body).toHaveLength(3);
    const matrix = await adminA.agent.get(`/api/workspaces/${ids.ws}/matrices/${ids.matrixId}`).expect(200);
    expect(matrix.body.responsibilities[0]).toMatchObject({ id: ids.responsibilityId, version: 1 });
    const verify = await adminA.agent.get(`/api/workspaces/${ids.ws}/audit-events/verify`).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('lets the client user see their own client only', async () => {
    const own = await otherClientUser.agent.get(`/api/workspaces/${ids.ws}/clients`).expect(200);
    expect(own.body.map((c: { name: string }) => c.name)).toEqual(['A2']);
    const events = await otherClientUser.agent.get(`/api/workspaces/${ids.ws}/audit-events`).expect(200);
    const clientIds = new Set(events.body.items.map((e: { clientId: string | null }) => e.clientId));
    expect([...clientIds]).toEqual([own.body[0].id]);
  });
});
