import fc from 'fast-check';
import { addMember, type Actor, browser, createClient, signUp } from './support/actors';
import { fill, type Route, routesOf } from './support/openapi-routes';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  enum?: unknown[];
  $ref?: string;
  format?: string;
}

const RUNS_PER_ROUTE = 100;

/** A value of a type the property does not accept, or out of its bounds. */
function wrongFor(schema: Schema, required: boolean): fc.Arbitrary<unknown> {
  // An empty list is a valid value of a list property; only a list of integers is surely wrong there.
  const options: fc.Arbitrary<unknown>[] = [fc.array(fc.integer(), { minLength: schema.type === 'array' ? 1 : 0, maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 2 })];
  if (schema.type !== 'number' && schema.type !== 'integer') options.push(fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (schema.type !== 'boolean') options.push(fc.boolean());
  if (schema.type !== 'string') options.push(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
  if (schema.type === 'string' && (schema.enum || schema.format === 'uuid' || schema.format === 'email' || /email/.test(String(schema.format)))) {
    options.push(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => !schema.enum?.includes(s)));
  }
  if (schema.type === 'string' && schema.maxLength) options.push(fc.string({ unit: 'grapheme', minLength: schema.maxLength + 1, maxLength: schema.maxLength + 2000 }));
  if (required) options.push(fc.constant(null));
  return fc.oneof(...options);
}

type Bad = { body: unknown; field: string | null };

/** Bodies that are wrong for a reason we know, with the field that should be named. */
function badBodies(schema: Schema): fc.Arbitrary<Bad> {
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  const valid: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(props)) {
    if (!required.includes(name)) continue;
    valid[name] = p.enum ? p.enum[0] : p.format === 'email' || name === 'email' ? 'someone@example.com' : p.type === 'boolean' ? true : 'A valid value 123';
  }
  const unknownKey = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((k) => !Object.hasOwn(props, k) && k.trim() === k && /\S/.test(k)),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'),
  );
  const extra: fc.Arbitrary<Bad> = fc
    .tuple(unknownKey, fc.anything().filter((v) => v !== undefined))
    .map(([key, value]) => ({ body: { ...valid, [key]: value }, field: key }));
  const arbitraries: fc.Arbitrary<Bad>[] = [extra];
  const names = Object.keys(props);
  if (names.length) {
    arbitraries.push(
      fc.constantFrom(...names).chain((name) => wrongFor(props[name], required.includes(name)).map((value) => ({ body: { ...valid, [name]: value }, field: name }))),
    );
  }
  if (required.length) {
    arbitraries.push(
      fc.constantFrom(...required).map((name) => {
        const { [name]: _gone, ...rest } = valid;
        return { body: rest, field: name };
      }),
    );
  }
  arbitraries.push(fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 })).map((body) => ({ body: JSON.stringify(body), field: null })));
  return fc.oneof(...arbitraries);
}

describe('bad input, route by route', () => {
  let t: TestApp;
  let admin: Actor;
  let ids: Record<string, string>;
  let routes: (Route & { schema: Schema })[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
    const client = await createClient(admin, 'Bad Input Dental');
    const member = await addMember(t, admin, 'client_owner', client.id);
    const members = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/members`).expect(200);
    const invitation = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/invitations`).send({ email: 'new@x.example', role: 'msp_engineer' }).expect(201);
    const matrix = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${client.id}/matrices`).send({ name: 'Bad input matrix', template: 'blank' }).expect(201);
    const row = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.body.id}/responsibilities`).send({ category: 'help_desk', title: 'Password resets' }).expect(201);
    // A real claim and a pending version, so that their routes get past the id check to the body.
    const party = (key: string) => matrix.body.parties.find((p: { key: string; id: string }) => p.key === key).id;
    const letters = { [party('msp')]: 'A', [party('internal_it')]: 'R' };
    await admin.agent.put(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.body.id}/responsibilities/${row.body.id}/assignments`).set('If-Match', '"1"').send({ letters }).expect(200);
    const claim = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.body.id}/claims`).send({ responsibilityId: row.body.id, letters: { [party('msp')]: 'R', [party('internal_it')]: 'A' }, reason: 'We take it' }).expect(201);
    await admin.agent.post(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.body.id}/versions`).send({}).expect(201);
    ids = {
      ws: admin.workspaceId,
      clientId: client.id,
      matrixId: matrix.body.id,
      partyId: matrix.body.parties[matrix.body.parties.length - 1].id,
      responsibilityId: row.body.id,
      memberId: members.body.find((m: { userId: string }) => m.userId === member.userId).id,
      invitationId: invitation.body.id,
      token: String(invitation.body.acceptUrl).split('/').pop() as string,
      pathKey: 'security_incidents',
      claimId: claim.body.id,
      n: '1',
    };
    const doc = (await admin.agent.get('/api/docs-json').expect(200)).body;
    const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop() as string]) : s);
    routes = routesOf(doc)
      .filter((r) => (r.operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json'])
      .map((r) => {
        const schema = resolve((r.operation.requestBody as { content: Record<string, { schema: Schema }> }).content['application/json'].schema);
        const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, resolve(v)]));
        return { ...r, schema: { ...schema, properties } };
      });
  });
  afterAll(() => t.close());

  const snapshot = () =>
    asOwner(t.db.ownerUrl, async (c) => {
      const tables = ['users', 'workspaces', 'clients', 'memberships', 'invitations', 'audit_events', 'login_attempts', 'matrices', 'responsibilities', 'assignments', 'escalation_policies', 'claims', 'matrix_versions', 'signatures', 'notifications'];
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = Number((await c.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
      const versions = await c.query(`SELECT (SELECT coalesce(sum(version), 0) FROM clients) + (SELECT coalesce(sum(version), 0) FROM memberships) + (SELECT coalesce(sum(version), 0) FROM invitations) + (SELECT coalesce(sum(version), 0) FROM responsibilities) AS v`);
      return { counts, versions: Number(versions.rows[0].v) };
    });

  it('covers every route that takes a body', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['post /api/auth/signup', 'post /api/auth/login', 'post /api/workspaces/{ws}/clients', 'patch /api/workspaces/{ws}/clients/{clientId}']),
    );
  });

  it(`answers ${RUNS_PER_ROUTE} generated bad bodies per route with a 4xx naming the field, and writes nothing`, async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const url = fill(route.path, ids);
      const isPublic = route.path.startsWith('/api/auth/') || route.path.startsWith('/api/invitations/');
      await fc.assert(
        fc.asyncProperty(badBodies(route.schema), async ({ body, field }) => {
          const agent = isPublic ? browser(t) : admin.agent;
          let req = agent[route.method](url).set('If-Match', '"1"');
          req = typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body as object);
          const res = await req;
          sent++;
          const named = field === null || (Array.isArray(res.body.details) && res.body.details.some((d: { field: string }) => d.field === field || d.field.startsWith(`${field}.`)));
          if (res.status < 400 || res.status >= 500 || !named) {
            failures.push(`${route.method.toUpperCase()} ${route.path} ${JSON.stringify(body).slice(0, 200)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
            return false;
          }
          return true;
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      ).catch(() => undefined);
    }
    console.log(`bad input: sent ${sent} bad bodies to ${routes.length} routes`);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Some 1,400 requests; on two cores shared with the browser journeys this takes a while.
  }, 300_000);
});
