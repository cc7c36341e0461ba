import { ConflictException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { PERMISSIONS, type Role, ROLE_PARTY } from '@accord/raci';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditInput } from '../audit/audit-event';
import type { RequestMeta, SessionUser } from '../common/context';
import { TenantDb } from '../database/tenant-db';
import type { MeView, SignupDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';

interface MembershipRow {
  workspace_id: string;
  workspace_name: string;
  membership_id: string;
  role: Role;
  client_id: string | null;
  client_name: string | null;
}

const INVALID = 'Invalid e-mail or password.';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** A new MSP workspace with its first admin; one transaction with its audit events. */
  async signup(dto: SignupDto, meta: RequestMeta): Promise<SessionUser> {
    const userId = randomUUID();
    const workspaceId = randomUUID();
    const passwordHash = await hashPassword(dto.password);
    return this.db.run({ userId, workspaceId }, async (tx) => {
      const [existing] = await tx.query('SELECT id FROM auth_user_by_email($1)', [dto.email]);
      if (existing) throw new ConflictException({ message: 'An account with this e-mail exists. Sign in instead.', details: [{ field: 'email', message: 'is already registered' }] });
      await tx.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [userId, dto.email, dto.name, passwordHash]);
      await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [workspaceId, dto.workspaceName]);
      const [membership] = await tx.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'msp_admin') RETURNING id`, [workspaceId, userId]);
      const ctx = { workspaceId, actor: { userId, name: dto.name, role: 'msp_admin' as const, party: ROLE_PARTY.msp_admin }, meta };
      await this.audit.record(tx, ctx, { action: 'auth.signed_up', entityType: 'user', entityId: userId, after: { email: dto.email, name: dto.name } });
      await this.audit.record(tx, ctx, { action: 'workspace.created', entityType: 'workspace', entityId: workspaceId, after: { name: dto.workspaceName } });
      await this.audit.record(tx, ctx, { action: 'member.joined', entityType: 'membership', entityId: membership.id, after: { userId, role: 'msp_admin', clientId: null } });
      return { id: userId, email: dto.email, name: dto.name };
    });
  }

  /** The local strategy's check. Unknown e-mail and wrong password answer alike, and both count. */
  async validateLogin(email: string, password: string, meta: RequestMeta): Promise<SessionUser> {
    const ip = meta.ip ?? 'unknown';
    await this.throttle.assertAllowed(email, ip);
    const [account] = await this.db.run({}, (tx) =>
      tx.query<{ id: string; name: string; password_hash: string }[]>('SELECT id, name, password_hash FROM auth_user_by_email($1)', [email]),
    );
    const ok = await verifyPassword(account?.password_hash, password);
    await this.throttle.recordAttempt(email, ip, ok);
    if (!account || !ok) {
      if (account) await this.recordInEachWorkspace(account.id, account.name, meta, { action: 'auth.sign_in_failed', entityType: 'user', entityId: account.id });
      else this.logger.warn({ email, ip, requestId: meta.requestId }, 'sign-in for an unknown e-mail');
      throw new UnauthorizedException(INVALID);
    }
    return { id: account.id, email, name: account.name };
  }

  async recordSignIn(user: SessionUser, meta: RequestMeta): Promise<void> {
    await this.recordInEachWorkspace(user.id, user.name, meta, { action: 'auth.signed_in', entityType: 'session', entityId: null });
  }

  async recordSignOut(user: SessionUser, meta: RequestMeta): Promise<void> {
    await this.recordInEachWorkspace(user.id, user.name, meta, { action: 'auth.signed_out', entityType: 'session', entityId: null });
  }

  async me(user: SessionUser): Promise<MeView> {
    const memberships = await this.db.run({ userId: user.id }, (tx) => this.memberships(tx, user.id));
    for (const m of memberships.filter((row) => row.client_id)) {
      // A client's name is visible only inside its workspace and client.
      const [client] = await this.db.run({ workspaceId: m.workspace_id, clientId: m.client_id, userId: user.id }, (tx) =>
        tx.query<{ name: string }[]>('SELECT name FROM clients WHERE id = $1', [m.client_id]),
      );
      m.client_name = client?.name ?? null;
    }
    return { user, memberships: memberships.map(toMembershipView) };
  }

  private memberships(tx: EntityManager, userId: string): Promise<MembershipRow[]> {
    // Runs with only app.user_id set: the policies admit this person's memberships and workspaces.
    return tx.query(
      `SELECT m.workspace_id, w.name AS workspace_name, m.id AS membership_id, m.role, m.client_id, NULL::text AS client_name
       FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.user_id = $1 ORDER BY w.name`,
      [userId],
    );
  }

  /** Sign-in events belong to every workspace the person is in, each in its own chain. */
  private async recordInEachWorkspace(userId: string, name: string, meta: RequestMeta, input: AuditInput): Promise<void> {
    const memberships = await this.db.run({ userId }, (tx) => this.memberships(tx, userId));
    for (const m of memberships) {
      await this.db.run({ workspaceId: m.workspace_id, clientId: m.client_id, userId }, (tx) =>
        this.audit.record(tx, { workspaceId: m.workspace_id, actor: { userId, name, role: m.role, party: ROLE_PARTY[m.role] }, meta }, { ...input, clientId: m.client_id }),
      );
    }
  }
}

function toMembershipView(m: MembershipRow) {
  return {
    workspaceId: m.workspace_id,
    workspaceName: m.workspace_name,
    membershipId: m.membership_id,
    role: m.role,
    clientId: m.client_id,
    clientName: m.client_name,
    permissions: [...PERMISSIONS[m.role]],
  };
}
