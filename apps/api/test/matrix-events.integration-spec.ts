import type { AddressInfo } from 'node:net';
import { addMember, type Actor, browser, createClient, PASSWORD, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';

/** Reads server-sent events from a real socket until `until` says enough, or the time runs out. */
async function collectEvents(url: string, cookie: string, until: (events: { event: string; data: unknown }[]) => boolean, timeoutMs = 5000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { event: string; data: unknown }[] = [];
  try {
    const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
    if (res.status !== 200 || !res.body) return { status: res.status, events };
    const reader = res.body.getReader();
    let buffer = '';
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push({ event, data: JSON.parse(data) });
      }
    }
    controller.abort();
    return { status: 200, events };
  } catch (error) {
    if ((error as Error).name === 'AbortError') return { status: 200, events };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function cookieOf(t: TestApp, actor: Actor): Promise<string> {
  const res = await browser(t).post('/api/auth/login').send({ email: actor.email, password: PASSWORD }).expect(200);
  return String(res.headers['set-cookie']).split(';')[0];
}

describe('live matrix updates', () => {
  let t: TestApp;
  let origin: string;
  let admin: Actor;
  let matrix: { id: string; parties: { id: string }[]; responsibilities: { id: string; version: number }[] };
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await signUp(t);
    clientId = (await createClient(admin, 'Live Dental')).id;
    matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${clientId}/matrices`).send({ name: 'Live', template: 'co_managed' }).expect(201)).body;
  });
  afterAll(() => t.close());

  it('tells another open browser about a committed edit within a second', async () => {
    const engineer = await addMember(t, admin, 'msp_engineer');
    const url = `${origin}/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}/events`;
    const row = matrix.responsibilities[0];
    const listening = collectEvents(url, await cookieOf(t, engineer), (events) => events.some((e) => e.event === 'responsibility.changed'));
    await new Promise((r) => setTimeout(r, 300)); // let the stream subscribe
    const started = Date.now();
    await admin.agent
      .put(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}/responsibilities/${row.id}/assignments`)
      .set('If-Match', `"${row.version}"`)
      .send({ letters: { [matrix.parties[0].id]: 'A', [matrix.parties[1].id]: 'R' } })
      .expect(200);
    const { status, events } = await listening;
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(events).toContainEqual({
      event: 'responsibility.changed',
      data: expect.objectContaining({ matrixId: matrix.id, responsibilityId: row.id, version: row.version + 1, actorUserId: admin.userId }),
    });
  });

  it('says nothing of an edit that was refused', async () => {
    const url = `${origin}/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}/events`;
    const row = matrix.responsibilities[1];
    const listening = collectEvents(url, await cookieOf(t, admin), (events) => events.length > 0, 1500);
    await new Promise((r) => setTimeout(r, 300));
    await admin.agent
      .put(`/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}/responsibilities/${row.id}/assignments`)
      .set('If-Match', '"999"')
      .send({ letters: {} })
      .expect(412);
    expect((await listening).events).toEqual([]);
  });

  it('does not open a stream on a matrix of another client or workspace', async () => {
    const other = await createClient(admin, 'Other Dental');
    const stranger = await addMember(t, admin, 'client_owner', other.id);
    const outsider = await signUp(t);
    const url = `${origin}/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}/events`;
    expect((await collectEvents(url, await cookieOf(t, stranger), () => true, 2000)).status).toBe(404);
    expect((await collectEvents(url, await cookieOf(t, outsider), () => true, 2000)).status).toBe(404);
  });
});
