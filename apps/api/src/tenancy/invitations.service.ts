import { ConflictException, GoneException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { type Role, ROLE_LABELS, ROLE_PARTY } from '@accord/raci';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { RequestMeta, SessionUser, TenantContext } from '../common/context';
import { FieldValidationException } from '../common/validation';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import type { AcceptInvitationDto, CreateInvitationDto, InvitationPreview, InvitationView } from './dto/tenancy.dto';
import { MailerService } from '../mail/mailer.service';
import { assertRoleFits } from './members.service';

const VALID_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  client_id: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

interface TokenRow {
  id: string;
  workspace_id: string;
  workspace_name: string;
  email: string;
  role: Role;
  client_id: string | null;
  client_name: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

const toView = (r: InvitationRow, extra: { acceptUrl?: string; emailed?: boolean } = {}): InvitationView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  clientId: r.client_id,
  expiresAt: r.expires_at.toISOString(),
  acceptedAt: r.accepted_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  emailed: extra.emailed ?? false,
  ...(extra.acceptUrl ? { acceptUrl: extra.acceptUrl } : {}),
});

const COLUMNS = 'id, email, role, client_id, expires_at, accepted_at, revoked_at, created_at';

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
  ) {}

  list(ctx: TenantContext): Promise<InvitationView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const rows: InvitationRow[] = await tx.query(`SELECT ${COLUMNS} FROM invitations WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 200`, [ctx.workspaceId]);
      return rows.map((r) => toView(r));
    });
  }

  async create(ctx: TenantContext, dto: CreateInvitationDto, meta: RequestMeta): Promise<InvitationView> {
    const token = randomBytes(32).toString('base64url');
    const acceptUrl = this.mailer.link(`/invitations/${token}`);
    const { row, workspaceName, clientName } = await this.db.run(scopeOf(ctx), async (tx) => {
      const role = dto.role as Role;
      const clientId = await assertRoleFits(tx, ctx.workspaceId, role, dto.clientId);
      const [member] = await tx.query(`SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND u.email = $2`, [ctx.workspaceId, dto.email]);
      if (member) throw new ConflictException({ message: `${dto.email} is already a member of this workspace.`, details: [{ field: 'email', message: 'is already a member' }] });
      // One open invitation per address: a new one replaces the old.
      await rows(tx,`UPDATE invitations SET revoked_at = now(), version = version + 1 WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`, [
        ctx.workspaceId,
        dto.email,
      ]);
      const [created]: InvitationRow[] = await tx.query(
        `INSERT INTO invitations (workspace_id, email, role, client_id, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING ${COLUMNS}`,
        [ctx.workspaceId, dto.email, role, clientId, hashToken(token), ctx.user.id, VALID_DAYS],
      );
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: created.id,
        clientId,
        after: { email: dto.email, role, clientId, expiresAt: created.expires_at.toISOString() },
      });
      const [ws] = await tx.query(`SELECT name FROM workspaces WHERE id = $1`, [ctx.workspaceId]);
      const [client] = clientId ? await tx.query(`SELECT name FROM clients WHERE id = $1`, [clientId]) : [];
      return { row: created, workspaceName: ws.name as string, clientName: (client?.name as string | undefined) ?? null };
    });
    const emailed = await this.mailer.send(
      dto.email,
      `${ctx.user.name} invited you to ${workspaceName} on Accord`,
      `${ctx.user.name} invited you to join ${workspaceName}${clientName ? ` for ${clientName}` : ''} as ${ROLE_LABELS[row.role]}.\n\n` +
        `Accept within ${VALID_DAYS} days: ${acceptUrl}\n`,
    );
    // Without mail the inviter passes the link on: it is shown once, and logged for the operator
    // (only its hash is stored).
    if (!emailed) this.logger.log({ invitationId: row.id, email: row.email, acceptUrl }, 'invitation link (no e-mail sent)');
    return toView(row, { emailed, acceptUrl: emailed ? undefined : acceptUrl });
  }

  revoke(ctx: TenantContext, id: string, meta: RequestMeta): Promise<InvitationView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const [row]: InvitationRow[] = await rows(tx,
        `UPDATE invitations SET revoked_at = now(), version = version + 1
         WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING ${COLUMNS}`,
        [ctx.workspaceId, id],
      );
      if (!row) {
        const [exists] = await tx.query(`SELECT 1 FROM invitations WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, id]);
        if (!exists) throw new NotFoundException('No such invitation.');
        throw new ConflictException('This invitation was already accepted or revoked.');
      }
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: id,
        clientId: row.client_id,
        before: { email: row.email, role: row.role },
      });
      return toView(row);
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const inv = await this.open(token);
    const [account] = await this.db.run({}, (tx) => tx.query('SELECT id FROM auth_user_by_email($1)', [inv.email]));
    return {
      workspaceId: inv.workspace_id,
      workspaceName: inv.workspace_name,
      email: inv.email,
      role: inv.role,
      clientName: inv.client_name,
      expiresAt: inv.expires_at.toISOString(),
      accountExists: Boolean(account),
    };
  }

  /**
   * Accepts for the signed-in person (same e-mail), for an existing account (its password), or
   * for a new account (name and a new password). The membership, the accepted mark and the audit
   * events are one transaction.
   */
  async accept(token: string, dto: AcceptInvitationDto, signedIn: SessionUser | undefined, meta: RequestMeta): Promise<SessionUser> {
    const inv = await this.open(token);
    let user: SessionUser;
    let passwordHash: string | null = null;
    if (signedIn) {
      if (signedIn.email !== inv.email) throw new ConflictException(`This invitation is for ${inv.email}. Sign out, then open the link again.`);
      user = signedIn;
    } else {
      const [account] = await this.db.run({}, (tx) =>
        tx.query<{ id: string; name: string; password_hash: string }[]>('SELECT id, name, password_hash FROM auth_user_by_email($1)', [inv.email]),
      );
      if (account) {
        if (!(await verifyPassword(account.password_hash, dto.password ?? ''))) throw new UnauthorizedException('That is not the password of this account.');
        user = { id: account.id, email: inv.email, name: account.name };
      } else {
        const problems = [
          ...(dto.name ? [] : [{ field: 'name', message: 'name is required for a new account' }]),
          ...(dto.password && dto.password.length >= 12 ? [] : [{ field: 'password', message: 'password must be at least 12 characters' }]),
        ];
        if (problems.length) throw new FieldValidationException(problems);
        user = { id: randomUUID(), email: inv.email, name: dto.name as string };
        passwordHash = await hashPassword(dto.password as string);
      }
    }

    await this.db.run({ workspaceId: inv.workspace_id, userId: user.id }, async (tx) => {
      if (passwordHash) await tx.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [user.id, user.email, user.name, passwordHash]);
      const [claimed] = await rows(tx,
        `UPDATE invitations SET accepted_at = now(), version = version + 1
         WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
        [inv.workspace_id, inv.id],
      );
      if (!claimed) throw new GoneException('This invitation is no longer valid.');
      const [existing] = await tx.query(`SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [inv.workspace_id, user.id]);
      if (existing) throw new ConflictException('You are already a member of this workspace.');
      const [membership] = await tx.query(`INSERT INTO memberships (workspace_id, user_id, role, client_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
        inv.workspace_id,
        user.id,
        inv.role,
        inv.client_id,
      ]);
      const write = { workspaceId: inv.workspace_id, actor: { userId: user.id, name: user.name, role: inv.role, party: ROLE_PARTY[inv.role] }, meta };
      await this.audit.record(tx, write, { action: 'invitation.accepted', entityType: 'invitation', entityId: inv.id, clientId: inv.client_id, after: { userId: user.id } });
      await this.audit.record(tx, write, {
        action: 'member.joined',
        entityType: 'membership',
        entityId: membership.id,
        clientId: inv.client_id,
        after: { userId: user.id, email: user.email, role: inv.role, clientId: inv.client_id },
      });
    });
    return user;
  }

  /** An invitation that can still be accepted; anything else is 404 (unknown) or 410 (used up). */
  private async open(token: string): Promise<TokenRow> {
    const [inv] = await this.db.run({}, (tx: EntityManager) => tx.query<TokenRow[]>('SELECT * FROM invitation_by_token_hash($1)', [hashToken(token)]));
    if (!inv) throw new NotFoundException('No such invitation. Ask for a new link.');
    if (inv.revoked_at) throw new GoneException('This invitation was withdrawn. Ask for a new link.');
    if (inv.accepted_at) throw new GoneException('This invitation was already accepted. Sign in instead.');
    if (inv.expires_at.getTime() < Date.now()) throw new GoneException('This invitation has expired. Ask for a new link.');
    return inv;
  }
}
