import request from 'supertest';
import { browser, PASSWORD, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';
import { asOwner } from './support/test-database-server';

describe('sign-up, sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs up a workspace and its MSP admin, signed in at once', async () => {
    const admin = await signUp(t, { workspaceName: 'Northwind IT', name: 'Alex' });
    const me = await admin.agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ name: 'Alex', email: admin.email });
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ workspaceName: 'Northwind IT', role: 'msp_admin', clientId: null, permissions: expect.arrayContaining(['clients.manage']) }),
    ]);
  });

  it('refuses a short password and names the field', async () => {
    const res = await browser(t).post('/api/auth/signup').send({ workspaceName: 'W', name: 'N', email: 'short@x.example', password: 'short' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'password', message: 'password must be at least 12 characters' }]);
  });

  it('refuses a second account for the same e-mail, whatever its case', async () => {
    const admin = await signUp(t);
    const res = await browser(t)
      .post('/api/auth/signup')
      .send({ workspaceName: 'Other', name: 'N', email: admin.email.toUpperCase(), password: PASSWORD })
      .expect(409);
    expect(res.body.details).toEqual([{ field: 'email', message: 'is already registered' }]);
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const admin = await signUp(t);
    const wrong = await browser(t).post('/api/auth/login').send({ email: admin.email, password: 'not-the-password' }).expect(401);
    const unknown = await browser(t).post('/api/auth/login').send({ email: 'nobody@nowhere.example', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('gives a new session id at sign-in', async () => {
    const admin = await signUp(t);
    const agent = browser(t);
    // A session that exists before sign-in (a planted or pre-existing cookie) must not survive it.
    const first = await agent.post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
    const second = await agent.post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
    const sid = (res: request.Response) => String(res.headers['set-cookie']).match(/accord\.sid=([^;]+)/)?.[1];
    expect(sid(first)).toBeDefined();
    expect(sid(second)).toBeDefined();
    expect(sid(second)).not.toBe(sid(first));
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('makes a signed-out cookie worthless', async () => {
    const admin = await signUp(t);
    const login = await browser(t).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    await request(t.app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.app.getHttpServer()).post('/api/auth/logout').set('Cookie', cookie).set('X-Accord-Csrf', '1').expect(204);
    await request(t.app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it("reads a workspace route's session straight from the store: signed out, expired or forged cookies get 401", async () => {
    const admin = await signUp(t);
    const route = `/api/workspaces/${admin.workspaceId}/clients`;
    const signIn = async () => String((await browser(t).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200)).headers['set-cookie']).split(';')[0];
    const get = (cookie: string) => request(t.app.getHttpServer()).get(route).set('Cookie', cookie);

    const signedOut = await signIn();
    await get(signedOut).expect(200);
    await request(t.app.getHttpServer()).post('/api/auth/logout').set('Cookie', signedOut).set('X-Accord-Csrf', '1').expect(204);
    await get(signedOut).expect(401);

    const expired = await signIn();
    const sid = decodeURIComponent(expired.split('=')[1]).slice(2).split('.')[0];
    await asOwner(t.db.ownerUrl, (c) => c.query(`UPDATE sessions SET expire = now() - interval '1 second' WHERE sid = $1`, [sid]));
    await get(expired).expect(401);

    const good = await signIn();
    const forged = good.replace(/.(%2E|\.)([^.]+)$/, (_m, dot: string, mac: string) => `${dot}${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`);
    expect(forged).not.toBe(good);
    await get(forged).expect(401);
    await get(good).expect(200);
  });

  it('refuses a cross-site write: no CSRF header, or a foreign Origin', async () => {
    const admin = await signUp(t);
    const server = t.app.getHttpServer();
    const login = await browser(t).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const url = `/api/workspaces/${admin.workspaceId}/clients`;
    await request(server).post(url).set('Cookie', cookie).send({ name: 'Forged' }).expect(403);
    await request(server).post(url).set('Cookie', cookie).set('X-Accord-Csrf', '1').set('Origin', 'https://evil.example').send({ name: 'Forged' }).expect(403);
    const list = await admin.agent.get(url).expect(200);
    expect(list.body).toEqual([]);
  });

  it('answers 429 with Retry-After from the 11th failed sign-in of an account', async () => {
    const admin = await signUp(t);
    for (let i = 0; i < 10; i++) {
      await browser(t).post('/api/auth/login').send({ email: admin.email, password: `wrong-${i}` }).expect(401);
    }
    const blocked = await browser(t).post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.statusCode).toBe(429);
  });

  it('answers 429 from the 11th failed sign-in from one address, whichever accounts it tries', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i++) {
      await browser(t, ip).post('/api/auth/login').send({ email: `guess-${i}@nowhere.example`, password: 'guess-password' }).expect(401);
    }
    await browser(t, ip).post('/api/auth/login').send({ email: 'guess-x@nowhere.example', password: 'guess-password' }).expect(429);
    await browser(t).post('/api/auth/login').send({ email: 'guess-x@nowhere.example', password: 'guess-password' }).expect(401);
  });

  it('records sign-in, failed sign-in and sign-out in the audit log', async () => {
    const admin = await signUp(t);
    await browser(t).post('/api/auth/login').send({ email: admin.email, password: 'wrong-password' }).expect(401);
    const other = browser(t);
    await other.post('/api/auth/login').send({ email: admin.email, password: PASSWORD }).expect(200);
    await other.post('/api/auth/logout').expect(204);
    const events = await admin.agent.get(`/api/workspaces/${admin.workspaceId}/audit-events`).expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'auth.signed_out',
      'auth.signed_in',
      'auth.sign_in_failed',
      'member.joined',
      'workspace.created',
      'auth.signed_up',
    ]);
  });
});
