import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isClientRole, type Role } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import type { MemberView, UpdateMemberDto } from './dto/tenancy.dto';

interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  email: string;
  role: Role;
  client_id: string | null;
  version: number;
  created_at: Date;
}

const toView = (r: MemberRow): MemberView => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  email: r.email,
  role: r.role,
  clientId: r.client_id,
  version: r.version,
  createdAt: r.created_at.toISOString(),
});

const SELECT = `SELECT m.id, m.user_id, u.name, u.email, m.role, m.client_id, m.version, m.created_at
                FROM memberships m JOIN users u ON u.id = m.user_id`;

/** Checks that a client role names a live client of this workspace; MSP roles name none. */
export async function assertRoleFits(tx: EntityManager, workspaceId: string, role: Role, clientId: string | undefined): Promise<string | null> {
  if (!isClientRole(role)) {
    if (clientId) throw new BadRequestException({ message: 'MSP roles belong to the whole workspace.', details: [{ field: 'clientId', message: 'must be absent for MSP roles' }] });
    return null;
  }
  const [client] = await tx.query(`SELECT id FROM clients WHERE workspace_id = $1 AND id = $2 AND archived_at IS NULL`, [workspaceId, clientId]);
  if (!client) throw new BadRequestException({ message: 'No such client in this workspace.', details: [{ field: 'clientId', message: 'is not a client of this workspace' }] });
  return clientId ?? null;
}

@Injectable()
export class MembersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(ctx: TenantContext): Promise<MemberView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const rows: MemberRow[] = await tx.query(`${SELECT} WHERE m.workspace_id = $1 ORDER BY lower(u.name)`, [ctx.workspaceId]);
      return rows.map(toView);
    });
  }

  update(ctx: TenantContext, id: string, dto: UpdateMemberDto, version: number, meta: RequestMeta): Promise<MemberView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const before = await this.find(tx, ctx, id, version);
      const role = dto.role as Role;
      const clientId = await assertRoleFits(tx, ctx.workspaceId, role, dto.clientId);
      if (before.role === 'msp_admin' && role !== 'msp_admin') await this.assertAnotherAdmin(tx, ctx, id);
      const [updated] = await rows(tx,
        `UPDATE memberships SET role = $3, client_id = $4, version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND version = $5 RETURNING id`,
        [ctx.workspaceId, id, role, clientId, version],
      );
      if (!updated) throw new PreconditionFailed('This membership was changed by someone else since you read it.', toView(await this.find(tx, ctx, id)));
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'member.role_changed',
        entityType: 'membership',
        entityId: id,
        clientId: clientId ?? before.client_id,
        before: { role: before.role, clientId: before.client_id },
        after: { role, clientId },
      });
      return toView(await this.find(tx, ctx, id));
    });
  }

  remove(ctx: TenantContext, id: string, version: number, meta: RequestMeta): Promise<void> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const before = await this.find(tx, ctx, id, version);
      if (before.role === 'msp_admin') await this.assertAnotherAdmin(tx, ctx, id);
      await tx.query(`DELETE FROM memberships WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, id]);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'member.removed',
        entityType: 'membership',
        entityId: id,
        clientId: before.client_id,
        before: { userId: before.user_id, email: before.email, role: before.role, clientId: before.client_id },
      });
    });
  }

  private async find(tx: EntityManager, ctx: TenantContext, id: string, expectedVersion?: number): Promise<MemberRow> {
    const [row]: MemberRow[] = await tx.query(`${SELECT} WHERE m.workspace_id = $1 AND m.id = $2`, [ctx.workspaceId, id]);
    if (!row) throw new NotFoundException('No such member.');
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new PreconditionFailed('This membership was changed by someone else since you read it.', toView(row));
    }
    return row;
  }

  /** A workspace never loses its last MSP admin: nobody could manage it any more. */
  private async assertAnotherAdmin(tx: EntityManager, ctx: TenantContext, exceptId: string): Promise<void> {
    const [row] = await tx.query(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'msp_admin' AND id <> $2`, [ctx.workspaceId, exceptId]);
    if (row.n === 0) throw new ConflictException('This is the last MSP admin of the workspace; make someone else an admin first.');
  }
}
