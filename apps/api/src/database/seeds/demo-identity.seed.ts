import { type Role, ROLE_PARTY } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { appendAuditEvent } from '../../audit/audit.service';
import { hashPassword } from '../../auth/passwords';
import type { Seed } from '../seed-types';

/** The demo data of DESIGN.md section 8. Fixed ids make every step an idempotent upsert. */
export const DEMO_PASSWORD = 'accord-demo-2026';

const NORTHWIND = '6e0f1a52-0000-4000-8000-000000000001';
const BLUEPEAK = '6e0f1a52-0000-4000-8000-000000000002';
const HARBOR = '6e0f1a52-0000-4000-8000-000000000101';
const SUMMIT = '6e0f1a52-0000-4000-8000-000000000102';
const CEDAR = '6e0f1a52-0000-4000-8000-000000000201';

const WORKSPACES = [
  { id: NORTHWIND, name: 'Northwind IT Services' },
  { id: BLUEPEAK, name: 'Bluepeak Managed IT' },
];
export const DEMO_CLIENTS = {
  harbor: { id: HARBOR, workspaceId: NORTHWIND, name: 'Harbor Dental' },
  summit: { id: SUMMIT, workspaceId: NORTHWIND, name: 'Summit Logistics' },
  cedar: { id: CEDAR, workspaceId: BLUEPEAK, name: 'Cedar Family Clinic' },
};
const CLIENTS = Object.values(DEMO_CLIENTS);
const PEOPLE: { email: string; name: string; workspaceId: string; role: Role; clientId: string | null }[] = [
  { email: 'alex@northwind.example', name: 'Alex Morgan', workspaceId: NORTHWIND, role: 'msp_admin', clientId: null },
  { email: 'sam@northwind.example', name: 'Sam Patel', workspaceId: NORTHWIND, role: 'msp_engineer', clientId: null },
  { email: 'ida@harbordental.example', name: 'Ida Lindqvist', workspaceId: NORTHWIND, role: 'client_it_admin', clientId: HARBOR },
  { email: 'olivia@harbordental.example', name: 'Olivia Chen', workspaceId: NORTHWIND, role: 'client_owner', clientId: HARBOR },
  { email: 'omar@summitlogistics.example', name: 'Omar Haddad', workspaceId: NORTHWIND, role: 'client_owner', clientId: SUMMIT },
  { email: 'bea@bluepeak.example', name: 'Bea Novak', workspaceId: BLUEPEAK, role: 'msp_admin', clientId: null },
];

const SEED_ACTOR = null;
const meta = { ip: null, userAgent: 'accord demo seed', requestId: null };

export const demoIdentitySeed: Seed = {
  name: 'demo workspaces, clients and people',
  async run(tx: EntityManager) {
    for (const w of WORKSPACES) {
      const [created] = await tx.query(`INSERT INTO workspaces (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [w.id, w.name]);
      if (created) await appendAuditEvent(tx, { workspaceId: w.id, actor: SEED_ACTOR, meta }, { action: 'workspace.created', entityType: 'workspace', entityId: w.id, after: { name: w.name } });
    }
    for (const c of CLIENTS) {
      const [created] = await tx.query(`INSERT INTO clients (id, workspace_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`, [c.id, c.workspaceId, c.name]);
      if (created) {
        await appendAuditEvent(tx, { workspaceId: c.workspaceId, actor: SEED_ACTOR, meta }, { action: 'client.created', entityType: 'client', entityId: c.id, clientId: c.id, after: { name: c.name } });
      }
    }
    let passwordHash: string | undefined;
    for (const p of PEOPLE) {
      let [user] = await tx.query(`SELECT id FROM users WHERE email = $1`, [p.email]);
      if (!user) {
        passwordHash ??= await hashPassword(DEMO_PASSWORD);
        [user] = await tx.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [p.email, p.name, passwordHash]);
      }
      const [membership] = await tx.query(
        `INSERT INTO memberships (workspace_id, user_id, role, client_id) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, user_id) DO NOTHING RETURNING id`,
        [p.workspaceId, user.id, p.role, p.clientId],
      );
      if (membership) {
        await appendAuditEvent(
          tx,
          { workspaceId: p.workspaceId, actor: { userId: user.id, name: p.name, role: p.role, party: ROLE_PARTY[p.role] }, meta },
          { action: 'member.joined', entityType: 'membership', entityId: membership.id, clientId: p.clientId, after: { userId: user.id, email: p.email, role: p.role, clientId: p.clientId } },
        );
      }
    }
  },
};
