import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agreementHash, verifyVersionExport } from '@accord/raci';
import { addMember, type Actor, createClient, signUp } from './support/actors';
import { startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';
import { verifyVersionFile } from '../src/verify-version';

interface Party {
  id: string;
  key: string;
  name: string;
}
interface Row {
  id: string;
  key: string;
  title: string;
  version: number;
  letters: Record<string, string>;
}

describe('claims, versions and sign-off', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: Actor;
  let sam: Actor;
  let ida: Actor;
  let olivia: Actor;
  let viewer: Actor;
  let matrixId: string;
  let parties: Record<string, Party>;
  let onboarding: Row;
  const names = { sam: 'Sam Patel', ida: 'Ida Lindqvist', olivia: 'Olivia Chen' };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await signUp(t);
    const client = await createClient(admin, 'Harbor Dental');
    sam = await addMember(t, admin, 'msp_engineer', undefined, smtp);
    ida = await addMember(t, admin, 'client_it_admin', client.id, smtp);
    olivia = await addMember(t, admin, 'client_owner', client.id, smtp);
    viewer = await addMember(t, admin, 'client_viewer', client.id, smtp);
    // Real names, as people would type them when signing.
    await asOwner(t.db.ownerUrl, async (c) => {
      for (const [actor, name] of [[sam, names.sam], [ida, names.ida], [olivia, names.olivia]] as const) await c.query(`UPDATE users SET name = $1 WHERE id = $2`, [name, actor.userId]);
    });
    const matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${client.id}/matrices`).send({ name: 'Harbor Dental IT', template: 'co_managed' }).expect(201)).body;
    matrixId = matrix.id;
    parties = Object.fromEntries(matrix.parties.map((p: Party) => [p.key, p]));
    onboarding = matrix.responsibilities.find((r: Row) => r.key === 'user_onboarding') ?? matrix.responsibilities.find((r: Row) => /onboarding/i.test(r.title));
    // As at many practices before internal IT grew: the MSP onboards, internal IT answers for it.
    const msp = { [parties.msp.id]: 'R', [parties.internal_it.id]: 'A', [parties.business.id]: 'I' };
    onboarding = (await admin.agent.put(`${base()}/responsibilities/${onboarding.id}/assignments`).set('If-Match', `"${onboarding.version}"`).send({ letters: msp }).expect(200)).body;
    // A policy whose P1 paths always reach someone, so that sign-off is not blocked by escalation.
    const policy = (await admin.agent.get(`${base()}/escalation-policy`).expect(200)).body.policy;
    await admin.agent.put(`${base()}/escalation-policy`).set('If-Match', '"0"').send(policy).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  const base = () => `/api/workspaces/${admin.workspaceId}/matrices/${matrixId}`;

  it('lets internal IT claim a row for itself; the MSP is told in the app and by mail', async () => {
    const letters = { [parties.internal_it.id]: 'R', [parties.business.id]: 'A', [parties.msp.id]: 'C' };
    await olivia.agent.post(`${base()}/claims`).send({ responsibilityId: onboarding.id, letters, reason: 'We do it' }).expect(403);
    const bad = await ida.agent.post(`${base()}/claims`).send({ responsibilityId: onboarding.id, letters: { [parties.internal_it.id]: 'R' }, reason: 'Only us' }).expect(422);
    expect(bad.body.message).toMatch(/accountable/i);
    const claim = await ida.agent.post(`${base()}/claims`).send({ responsibilityId: onboarding.id, letters, reason: 'We onboard every new hire ourselves now.' }).expect(201);
    expect(claim.body).toMatchObject({ state: 'open', proposedFor: 'internal_it', stale: false, responsibilityTitle: onboarding.title });
    expect(claim.body.changes.join(' ')).toMatch(/Internal IT/);

    const inbox = await sam.agent.get(`/api/workspaces/${admin.workspaceId}/notifications`).expect(200);
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'claim.proposed', link: `/w/${admin.workspaceId}/matrices/${matrixId}/claims` });
    await smtp.waitFor((m) => m.to.includes(sam.email) && /claims/.test(m.raw));
    const listed = await sam.agent.get(`${base()}/claims?state=open`).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([claim.body.id]);
  });

  it('does not let the side that made a claim accept it, and refuses a claim whose row changed since', async () => {
    const [claim] = (await sam.agent.get(`${base()}/claims?state=open`).expect(200)).body;
    await ida.agent.post(`${base()}/claims/${claim.id}/accept`).set('If-Match', `"${claim.version}"`).expect(403);
    await sam.agent.post(`${base()}/claims/${claim.id}/accept`).expect(428);

    // Someone edits the row after the claim was made: the reviewer must see what changed.
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities.find((r: Row) => r.id === onboarding.id) as Row;
    const edited = { ...row.letters, [parties.business.id]: 'I', [parties.msp.id]: 'A' };
    await admin.agent.put(`${base()}/responsibilities/${row.id}/assignments`).set('If-Match', `"${row.version}"`).send({ letters: edited }).expect(200);
    const conflict = await sam.agent.post(`${base()}/claims/${claim.id}/accept`).set('If-Match', `"${claim.version}"`).expect(409);
    expect(conflict.body.current).toMatchObject({ id: claim.id, stale: true });
    expect(conflict.body.current.changedSince.length).toBeGreaterThan(0);
    // Put the row back, as it was when the claim was made: still stale, because its version moved on.
    const declined = await sam.agent.post(`${base()}/claims/${claim.id}/decline`).set('If-Match', `"${claim.version}"`).send({ reason: 'The row changed; claim it again.' }).expect(200);
    expect(declined.body).toMatchObject({ state: 'declined', decisionReason: 'The row changed; claim it again.' });
    await smtp.waitFor((m) => m.to.includes(ida.email) && /declined/.test(m.raw));
  });

  it('applies an accepted claim to the draft in one transaction, audited', async () => {
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities.find((r: Row) => r.id === onboarding.id) as Row;
    const letters = { [parties.internal_it.id]: 'R', [parties.business.id]: 'A', [parties.msp.id]: 'C' };
    const claim = (await ida.agent.post(`${base()}/claims`).send({ responsibilityId: row.id, letters, reason: 'We onboard every new hire ourselves now.' }).expect(201)).body;
    const accepted = await sam.agent.post(`${base()}/claims/${claim.id}/accept`).set('If-Match', `"${claim.version}"`).expect(200);
    expect(accepted.body.claim).toMatchObject({ state: 'accepted', decidedBy: { id: sam.userId } });
    expect(accepted.body.responsibility).toMatchObject({ id: row.id, version: row.version + 1, letters });
    await sam.agent.post(`${base()}/claims/${claim.id}/accept`).set('If-Match', `"${claim.version + 1}"`).expect(409);
    const audit = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events?action=claim.accepted`).expect(200);
    expect(audit.body.items[0]).toMatchObject({ entityId: claim.id, matrixId });
  });

  it('refuses sign-off with 422 naming the rows while a RACI rule is broken', async () => {
    const rows = (await admin.agent.get(base()).expect(200)).body.responsibilities as Row[];
    const victim = rows[3];
    await admin.agent.put(`${base()}/responsibilities/${victim.id}/assignments`).set('If-Match', `"${victim.version}"`).send({ letters: { [parties.msp.id]: 'R' } }).expect(200);
    const refused = await sam.agent.post(`${base()}/versions`).send({}).expect(422);
    expect(refused.body.details.map((d: { message: string }) => d.message).join(' ')).toContain(victim.title);
    const fixed = (await admin.agent.get(base()).expect(200)).body.responsibilities.find((r: Row) => r.id === victim.id) as Row;
    await admin.agent.put(`${base()}/responsibilities/${victim.id}/assignments`).set('If-Match', `"${fixed.version}"`).send({ letters: victim.letters }).expect(200);
  });

  it('runs the three-party sign-off: signatures bound to the hash, 403 for a forged party, 409 once superseded', async () => {
    const first = await sam.agent.post(`${base()}/versions`).send({}).expect(201);
    expect(first.body).toMatchObject({ number: 1, status: 'pending' });
    await smtp.waitFor((m) => m.to.includes(olivia.email) && /signature/i.test(m.raw));
    // Requesting again supersedes the pending version; signing the old one is a conflict.
    const second = await sam.agent.post(`${base()}/versions`).send({ sign: { party: 'msp', name: names.sam } }).expect(201);
    expect(second.body).toMatchObject({ number: 2, status: 'pending' });
    expect(second.body.signatures).toEqual([expect.objectContaining({ partyKey: 'msp', decision: 'signed', hash: second.body.hash })]);
    await ida.agent.post(`${base()}/versions/1/signatures`).send({ party: 'internal_it', name: names.ida }).expect(409);

    // Forged parties: Ida cannot sign for the business, Olivia cannot sign for the MSP, a viewer cannot sign at all.
    await ida.agent.post(`${base()}/versions/2/signatures`).send({ party: 'business', name: names.ida }).expect(403);
    await olivia.agent.post(`${base()}/versions/2/signatures`).send({ party: 'msp', name: names.olivia }).expect(403);
    await viewer.agent.post(`${base()}/versions/2/signatures`).send({ party: 'business', name: 'Person client_viewer' }).expect(403);
    const wrongName = await ida.agent.post(`${base()}/versions/2/signatures`).send({ party: 'internal_it', name: 'Someone Else' }).expect(400);
    expect(wrongName.body.details).toEqual([expect.objectContaining({ field: 'name' })]);

    const idaSigned = await ida.agent.post(`${base()}/versions/2/signatures`).set('User-Agent', 'IdaBrowser/1.0').send({ party: 'internal_it', name: names.ida, hash: second.body.hash }).expect(201);
    expect(idaSigned.body.status).toBe('pending');
    await ida.agent.post(`${base()}/versions/2/signatures`).send({ party: 'internal_it', name: names.ida }).expect(409);
    const approved = await olivia.agent.post(`${base()}/versions/2/signatures`).send({ party: 'business', name: 'olivia  chen' }).expect(201);
    expect(approved.body).toMatchObject({ status: 'approved', inEffect: true });
    const ida2 = approved.body.signatures.find((s: { partyKey: string }) => s.partyKey === 'internal_it');
    expect(ida2).toMatchObject({ user: { id: ida.userId, name: names.ida }, role: 'client_it_admin', hash: second.body.hash, userAgent: 'IdaBrowser/1.0' });
    expect(ida2.ip).toEqual(expect.any(String));

    const list = await ida.agent.get(`${base()}/versions`).expect(200);
    expect(list.body.map((v: { number: number; status: string; inEffect: boolean }) => [v.number, v.status, v.inEffect])).toEqual([
      [2, 'approved', true],
      [1, 'superseded', false],
    ]);
    await smtp.waitFor((m) => m.to.includes(ida.email) && /approved/i.test(m.raw));
  });

  it('stores the hash libs/raci recomputes from the JSON export; one changed letter fails verify-version', async () => {
    const exported = await ida.agent.get(`${base()}/versions/2/export.json`).expect(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const file = exported.body;
    expect(agreementHash(file.snapshot)).toBe(file.version.hash);
    const [{ hash: stored }] = await asOwner(t.db.ownerUrl, async (c) => (await c.query(`SELECT hash FROM matrix_versions WHERE matrix_id = $1 AND number = 2`, [matrixId])).rows);
    expect(stored).toBe(file.version.hash);
    expect(verifyVersionExport(file)).toMatchObject({ ok: true });

    const tampered = structuredClone(file);
    const row = tampered.snapshot.matrix.responsibilities.find((r: { letters: Record<string, string> }) => r.letters.msp === 'R');
    row.letters.msp = 'C';
    expect(verifyVersionExport(tampered)).toMatchObject({ ok: false, expected: file.version.hash });

    // The command-line check, as an auditor would run it.
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-verify-'));
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(file));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(tampered));
    const good = verifyVersionFile(path.join(dir, 'good.json'));
    expect(good).toMatchObject({ exitCode: 0, message: expect.stringContaining(file.version.hash) });
    const bad = verifyVersionFile(path.join(dir, 'bad.json'));
    expect(bad.exitCode).toBe(1);
    expect(bad.message).toContain(file.version.hash);
    expect(verifyVersionFile(path.join(dir, 'missing.json')).exitCode).toBe(2);
  });

  it('never lets a later edit of the draft touch the approved version', async () => {
    const before = (await ida.agent.get(`${base()}/versions/2`).expect(200)).body;
    const row = (await admin.agent.get(base()).expect(200)).body.responsibilities[0] as Row;
    await admin.agent.patch(`${base()}/responsibilities/${row.id}`).set('If-Match', `"${row.version}"`).send({ title: 'Renamed after signing' }).expect(200);
    const after = (await ida.agent.get(`${base()}/versions/2`).expect(200)).body;
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.hash).toBe(before.hash);
    // Not even the database owner can rewrite a version's content.
    await expect(
      asOwner(t.db.ownerUrl, (c) => c.query(`UPDATE matrix_versions SET hash = repeat('0', 64) WHERE matrix_id = $1 AND number = 2`, [matrixId])),
    ).rejects.toThrow(/frozen/);
  });

  it('describes the difference between versions in plain words', async () => {
    const third = await sam.agent.post(`${base()}/versions`).send({}).expect(201);
    const diff = await olivia.agent.get(`${base()}/versions/${third.body.number}/diff`).expect(200);
    expect(diff.body.against).toBe(2);
    expect(diff.body.changes.join(' ')).toContain('Renamed after signing');
    const first = await olivia.agent.get(`${base()}/versions/1/diff`).expect(200);
    expect(first.body.against).toBeNull();
  });

  it('serves the certificate of an approved version only', async () => {
    const pdf = await olivia.agent.get(`${base()}/versions/2/certificate.pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await olivia.agent.get(`${base()}/versions/3/certificate.pdf`).expect(409);
  });

  it('shows the dashboard with the agreement in effect and flags it for review when due', async () => {
    const dash = await olivia.agent.get(`/api/workspaces/${admin.workspaceId}/dashboard`).expect(200);
    expect(dash.body.clients).toHaveLength(1);
    const m = dash.body.clients[0].matrices[0];
    expect(m).toMatchObject({ matrixId, inEffect: { number: 2, review: { due: false } }, pending: { number: 3 } });
    const settings = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/settings`).expect(200);
    await sam.agent.patch(`/api/workspaces/${admin.workspaceId}/settings`).set('If-Match', settings.headers.etag).send({ reviewIntervalDays: 30 }).expect(403);
    await admin.agent.patch(`/api/workspaces/${admin.workspaceId}/settings`).set('If-Match', settings.headers.etag).send({ reviewIntervalDays: 0 }).expect(400);
    await admin.agent.patch(`/api/workspaces/${admin.workspaceId}/settings`).set('If-Match', settings.headers.etag).send({ reviewIntervalDays: 30 }).expect(200);
    // An agreement approved 40 days ago is overdue under a 30-day review interval.
    await asOwner(t.db.ownerUrl, (c) => c.query(`UPDATE matrix_versions SET decided_at = now() - interval '40 days' WHERE matrix_id = $1 AND number = 2`, [matrixId]));
    const due = await sam.agent.get(`/api/workspaces/${admin.workspaceId}/dashboard`).expect(200);
    expect(due.body.clients[0].matrices[0].inEffect.review).toMatchObject({ due: true });
    expect(due.body.totals.reviewDue).toBe(1);
  });

  it('marks notifications read, one or all, and shows nobody else’s', async () => {
    const mine = await olivia.agent.get(`/api/workspaces/${admin.workspaceId}/notifications`).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const one = await olivia.agent.post(`/api/workspaces/${admin.workspaceId}/notifications/read`).send({ ids: [mine.body.items[0].id] }).expect(200);
    expect(one.body.unread).toBe(mine.body.unread - 1);
    const all = await olivia.agent.post(`/api/workspaces/${admin.workspaceId}/notifications/read`).send({}).expect(200);
    expect(all.body.unread).toBe(0);
    const samInbox = await sam.agent.get(`/api/workspaces/${admin.workspaceId}/notifications`).expect(200);
    expect(samInbox.body.items.every((n: { id: string }) => !mine.body.items.some((o: { id: string }) => o.id === n.id))).toBe(true);
  });

  it('answers 404 to another workspace on claims and versions', async () => {
    const outsider = await signUp(t);
    const foreign = `/api/workspaces/${outsider.workspaceId}/matrices/${matrixId}`;
    await outsider.agent.get(`${foreign}/claims`).expect(404);
    await outsider.agent.get(`${foreign}/versions/2`).expect(404);
    await outsider.agent.post(`${foreign}/versions/2/signatures`).send({ party: 'msp', name: 'Ada Admin' }).expect(404);
    await outsider.agent.get(`${foreign}/versions/2/certificate.pdf`).expect(404);
  });
});
