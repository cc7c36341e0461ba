import type { Role } from '@accord/raci';
import type { Server } from 'node:http';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { linkIn, type TestSmtp } from './smtp';
import type { TestApp } from './test-app';

/** A signed-in browser: keeps its cookie and sends the CSRF header the web app sends. */
export interface Actor {
  agent: TestAgent;
  userId: string;
  email: string;
  password: string;
  workspaceId: string;
}

let counter = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
export const PASSWORD = 'a-long-test-password';

/**
 * Each browser comes from its own address (the app trusts X-Forwarded-For from loopback, as
 * behind a proxy), so per-IP sign-in limits of one test do not spill into another.
 */
export function browser(t: TestApp, ip = randomIp()): TestAgent {
  return request.agent(t.app.getHttpServer() as Server).set('X-Accord-Csrf', '1').set('X-Forwarded-For', ip);
}

export function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `198.51.${octet()}.${octet()}`;
}

/** Signs up a new MSP workspace; the actor is its msp_admin. */
export async function signUp(t: TestApp, over: { workspaceName?: string; name?: string; email?: string } = {}): Promise<Actor> {
  const agent = browser(t);
  const email = over.email ?? `admin-${unique()}@msp.example`;
  const res = await agent
    .post('/api/auth/signup')
    .send({ workspaceName: over.workspaceName ?? `MSP ${unique()}`, name: over.name ?? 'Ada Admin', email, password: PASSWORD })
    .expect(201);
  return { agent, userId: res.body.user.id, email, password: PASSWORD, workspaceId: res.body.memberships[0].workspaceId };
}

export async function createClient(admin: Actor, name = `Client ${unique()}`): Promise<{ id: string; name: string; version: number }> {
  const res = await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients`).send({ name }).expect(201);
  return res.body;
}

/** Invites and accepts in a fresh browser; returns the new member, signed in. `mailbox` when the app mails invitations. */
export async function addMember(t: TestApp, admin: Actor, role: Role, clientId?: string, mailbox?: TestSmtp): Promise<Actor> {
  const email = `${role}-${unique()}@people.example`;
  const inv = await admin.agent
    .post(`/api/workspaces/${admin.workspaceId}/invitations`)
    .send({ email, role, ...(clientId ? { clientId } : {}) })
    .expect(201);
  // With SMTP configured the link goes out by mail instead of in the answer, as in production.
  const link = inv.body.acceptUrl ?? (mailbox ? linkIn((await mailbox.waitFor((m) => m.to.includes(email)))[0].raw) : undefined);
  const token = String(link).split('/').pop();
  const agent = browser(t);
  const res = await agent.post(`/api/invitations/${token}/accept`).send({ name: `Person ${role}`, password: PASSWORD }).expect(200);
  return { agent, userId: res.body.user.id, email, password: PASSWORD, workspaceId: admin.workspaceId };
}
