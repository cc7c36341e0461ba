import { addMember, type Actor, createClient, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';

interface Policy {
  severities: { key: string; name: string; businessHours: { responseMinutes: number }; afterHours: { responseMinutes: number } }[];
  businessHours: { timeZone: string; alwaysOn: boolean; weekly: unknown[]; holidays: string[] };
  coverage: { partyKey: string; timeZone: string; alwaysOn: boolean; weekly: unknown[]; holidays: string[] }[];
  contacts: { key: string; partyKey: string; name: string; role: string; phone: string; email: string }[];
  paths: {
    key: string;
    category: string | null;
    responsibilityKey: string | null;
    severities: string[];
    steps: { partyKey: string; contactKey: string | null; channel: string; waitMinutes: number }[];
    repeat: number;
    afterHours: { steps: { partyKey: string; contactKey: string | null; channel: string; waitMinutes: number }[]; repeat: number } | null;
    review: { userId: string; name: string; at: string } | null;
  }[];
}

/** A co-managed practice's security path: the day goes to internal IT, the night to the MSP's NOC. */
function withSecurityPath(policy: Policy): Policy {
  return {
    ...policy,
    businessHours: { ...policy.businessHours, timeZone: 'America/New_York' },
    contacts: [
      { key: 'noc', partyKey: 'msp', name: 'NOC on-call', role: 'On-call engineer', phone: '+1 555 0100', email: 'noc@msp.example' },
      { key: 'it_admin', partyKey: 'internal_it', name: 'Ida Lindqvist', role: 'IT admin', phone: '+1 555 0200', email: 'ida@dental.example' },
    ],
    paths: [
      {
        key: 'security',
        category: 'threat_response',
        responsibilityKey: null,
        severities: [],
        steps: [
          { partyKey: 'internal_it', contactKey: 'it_admin', channel: 'phone', waitMinutes: 10 },
          { partyKey: 'msp', contactKey: 'noc', channel: 'phone', waitMinutes: 10 },
        ],
        repeat: 1,
        afterHours: { steps: [{ partyKey: 'msp', contactKey: 'noc', channel: 'phone', waitMinutes: 10 }], repeat: 2 },
        review: null,
      },
    ],
  };
}

describe('the escalation policy', () => {
  let t: TestApp;
  let admin: Actor;
  let engineer: Actor;
  let itAdmin: Actor;
  let matrixId: string;
  let incidentRowId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
    const client = await createClient(admin, 'Harbor Dental');
    engineer = await addMember(t, admin, 'msp_engineer');
    itAdmin = await addMember(t, admin, 'client_it_admin', client.id);
    const matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${client.id}/matrices`).send({ name: 'IT work', template: 'co_managed' }).expect(201)).body;
    matrixId = matrix.id;
    incidentRowId = matrix.responsibilities.find((r: { key: string }) => r.key === 'incident_response').id;
  });
  afterAll(() => t.close());
  const url = (rest = '') => `/api/workspaces/${admin.workspaceId}/matrices/${matrixId}/escalation-policy${rest}`;

  it('starts from a default at version 0: four severities, every party covered, nobody invented', async () => {
    const res = await itAdmin.agent.get(url()).expect(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ matrixId, version: 0, updatedAt: null, unreviewedPaths: [] });
    const policy = res.body.policy as Policy;
    expect(policy.severities.map((s) => s.key)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(policy.coverage.map((c) => c.partyKey).sort()).toEqual(['business', 'internal_it', 'msp']);
    expect(policy.contacts).toEqual([]);
    expect(policy.paths).toEqual([]);
  });

  it('round-trips a policy through PUT and GET, with If-Match, audited with before and after', async () => {
    const start = (await itAdmin.agent.get(url()).expect(200)).body.policy as Policy;
    const policy = withSecurityPath(start);
    await itAdmin.agent.put(url()).send(policy).expect(428);
    const saved = await itAdmin.agent.put(url()).set('If-Match', '"0"').send(policy).expect(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.body).toMatchObject({ version: 1, unreviewedPaths: ['security'] });
    const read = await admin.agent.get(url()).expect(200);
    expect(read.body.policy).toEqual(policy);
    expect(read.body.version).toBe(1);

    const stale = await itAdmin.agent.put(url()).set('If-Match', '"0"').send(policy).expect(412);
    expect(stale.body.current).toMatchObject({ version: 1 });

    const events = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?action=escalation_policy.updated`).expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({ matrixId, before: null, after: { paths: [{ key: 'security' }] } });
  });

  it.each([
    ['an unknown time zone', (p: Policy) => ({ ...p, businessHours: { ...p.businessHours, timeZone: 'Mars/Olympus_Mons' } }), 'businessHours.timeZone'],
    ['an unknown time zone of a party', (p: Policy) => ({ ...p, coverage: p.coverage.map((c, i) => (i === 1 ? { ...c, timeZone: 'Europe/Atlantis' } : c)) }), 'coverage.1.timeZone'],
    ['a negative wait', (p: Policy) => ({ ...p, paths: [{ ...p.paths[0], steps: [{ ...p.paths[0].steps[0], waitMinutes: -5 }, p.paths[0].steps[1]] }] }), 'paths.0.steps.0.waitMinutes'],
    ['an unknown contact', (p: Policy) => ({ ...p, paths: [{ ...p.paths[0], steps: [{ ...p.paths[0].steps[0], contactKey: 'nobody' }, p.paths[0].steps[1]] }] }), 'paths.0.steps.0.contactKey'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, spoil, field) => {
    const current = (await itAdmin.agent.get(url()).expect(200)).body;
    const res = await itAdmin.agent.put(url()).set('If-Match', `"${current.version}"`).send(spoil(current.policy)).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const after = (await itAdmin.agent.get(url()).expect(200)).body;
    expect(after.version).toBe(current.version);
    expect(after.policy).toEqual(current.policy);
  });

  it('lets an MSP engineer mark a path reviewed, not internal IT; a change of the path clears the review', async () => {
    const current = (await itAdmin.agent.get(url()).expect(200)).body;
    await itAdmin.agent.post(url('/paths/security/review')).set('If-Match', `"${current.version}"`).expect(403);
    await engineer.agent.post(url('/paths/nothing_here/review')).set('If-Match', `"${current.version}"`).expect(404);
    const reviewed = await engineer.agent.post(url('/paths/security/review')).set('If-Match', `"${current.version}"`).expect(200);
    expect(reviewed.body.unreviewedPaths).toEqual([]);
    expect(reviewed.body.policy.paths[0].review).toMatchObject({ userId: engineer.userId, name: 'Person msp_engineer' });
    const audit = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?action=escalation_path.reviewed`).expect(200);
    expect(audit.body.items[0]).toMatchObject({ matrixId, after: { path: 'security', review: { userId: engineer.userId } } });

    // Saving the same path again, even with a forged review, keeps the real one.
    const same = { ...reviewed.body.policy, paths: [{ ...reviewed.body.policy.paths[0], review: { userId: itAdmin.userId, name: 'Forged', at: '2020-01-01T00:00:00Z' } }] };
    const kept = await itAdmin.agent.put(url()).set('If-Match', `"${reviewed.body.version}"`).send(same).expect(200);
    expect(kept.body.policy.paths[0].review).toEqual(reviewed.body.policy.paths[0].review);

    const changed = { ...kept.body.policy, paths: [{ ...kept.body.policy.paths[0], repeat: 3 }] };
    const cleared = await itAdmin.agent.put(url()).set('If-Match', `"${kept.body.version}"`).send(changed).expect(200);
    expect(cleared.body.policy.paths[0].review).toBeNull();
    expect(cleared.body.unreviewedPaths).toEqual(['security']);
  });

  it('simulates a P1 security incident at 02:00 on a Sunday: the night sequence, the MSP answering', async () => {
    // 2026-11-29 is a Sunday; 07:00 UTC is 02:00 in New York.
    const res = await itAdmin.agent.post(url('/simulate')).send({ responsibilityId: incidentRowId, severity: 'p1', at: '2026-11-29T07:00:00Z' }).expect(200);
    expect(res.body).toMatchObject({
      businessHours: false,
      clientLocalTime: expect.stringContaining('02:00'),
      severity: { key: 'p1' },
      responsibility: { key: 'incident_response' },
      path: { key: 'security', scope: 'category', sequence: 'after_hours' },
      firstAnswer: { minute: 0, partyKey: 'msp' },
      dry: null,
    });
    expect(res.body.events[0]).toMatchObject({ minute: 0, partyKey: 'msp', contactName: 'NOC on-call', channel: 'phone', covering: true });
    expect(res.body.events.map((e: { minute: number }) => e.minute)).toEqual([0, 10, 20]); // one pass and two repeats
  });

  it('simulates a weekday morning: internal IT first, in business hours', async () => {
    const res = await itAdmin.agent.post(url('/simulate')).send({ responsibilityKey: 'incident_response', severity: 'p1', at: '2026-12-01T15:00:00Z' }).expect(200);
    expect(res.body).toMatchObject({ businessHours: true, path: { sequence: 'business_hours' }, firstAnswer: { minute: 0, partyKey: 'internal_it' } });
  });

  it('names the field of a bad simulation request', async () => {
    const unknownSeverity = await itAdmin.agent.post(url('/simulate')).send({ responsibilityId: incidentRowId, severity: 'p9', at: '2026-11-29T07:00:00Z' }).expect(400);
    expect(unknownSeverity.body.details.map((d: { field: string }) => d.field)).toContain('severity');
    const badInstant = await itAdmin.agent.post(url('/simulate')).send({ responsibilityId: incidentRowId, severity: 'p1', at: 'Sunday night' }).expect(400);
    expect(badInstant.body.details.map((d: { field: string }) => d.field)).toContain('at');
    const unknownRow = await itAdmin.agent.post(url('/simulate')).send({ responsibilityKey: 'no_such_row', severity: 'p1', at: '2026-11-29T07:00:00Z' }).expect(400);
    expect(unknownRow.body.details.map((d: { field: string }) => d.field)).toContain('responsibilityKey');
  });

  it('reports critical rows without a path in the gap report once a policy is saved', async () => {
    const gaps = (await itAdmin.agent.get(`/api/workspaces/${admin.workspaceId}/matrices/${matrixId}/gaps`).expect(200)).body as { kind: string; rowKey?: string }[];
    const withoutPath = gaps.filter((g) => g.kind === 'critical_without_path').map((g) => g.rowKey);
    expect(withoutPath).toContain('backup_management');
    expect(withoutPath).not.toContain('incident_response');
  });

  it('answers 404 to another workspace, whatever the route', async () => {
    const outsider = await signUp(t);
    const foreign = `/api/workspaces/${outsider.workspaceId}/matrices/${matrixId}/escalation-policy`;
    await outsider.agent.get(foreign).expect(404);
    await outsider.agent.put(foreign).set('If-Match', '"1"').send({}).expect(404);
    await outsider.agent.post(`${foreign}/simulate`).send({ responsibilityId: incidentRowId, severity: 'p1', at: '2026-11-29T07:00:00Z' }).expect(404);
    await outsider.agent.post(`${foreign}/paths/security/review`).set('If-Match', '"1"').expect(404);
  });
});
