import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import type { ClientView, CreateClientDto, UpdateClientDto } from './dto/tenancy.dto';

interface ClientRow {
  id: string;
  name: string;
  archived_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toView = (r: ClientRow): ClientView => ({
  id: r.id,
  name: r.name,
  archivedAt: r.archived_at?.toISOString() ?? null,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const COLUMNS = 'id, name, archived_at, version, created_at, updated_at';

@Injectable()
export class ClientsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(ctx: TenantContext, includeArchived: boolean): Promise<ClientView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const rows: ClientRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM clients WHERE workspace_id = $1 ${includeArchived ? '' : 'AND archived_at IS NULL'} ORDER BY lower(name)`,
        [ctx.workspaceId],
      );
      return rows.map(toView);
    });
  }

  get(ctx: TenantContext, id: string): Promise<ClientView> {
    return this.db.run(scopeOf(ctx), async (tx) => toView(await this.find(tx, ctx, id)));
  }

  create(ctx: TenantContext, dto: CreateClientDto, meta: RequestMeta): Promise<ClientView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      await this.assertNameFree(tx, ctx, dto.name, null);
      const [row]: ClientRow[] = await tx.query(`INSERT INTO clients (workspace_id, name) VALUES ($1, $2) RETURNING ${COLUMNS}`, [ctx.workspaceId, dto.name]);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'client.created',
        entityType: 'client',
        entityId: row.id,
        clientId: row.id,
        after: { name: row.name },
      });
      return toView(row);
    });
  }

  /** Rename and/or archive or restore, if the client is still at the version the caller read. */
  update(ctx: TenantContext, id: string, dto: UpdateClientDto, version: number, meta: RequestMeta): Promise<ClientView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const before = await this.find(tx, ctx, id);
      if (before.version !== version) throw new PreconditionFailed('This client was changed by someone else since you read it.', toView(before));
      if (dto.name !== undefined && dto.name !== before.name) await this.assertNameFree(tx, ctx, dto.name, id);
      const archive = dto.archived === undefined ? undefined : dto.archived;
      const [row]: ClientRow[] = await rows(tx,
        `UPDATE clients SET name = coalesce($3, name),
           archived_at = CASE WHEN $4::boolean IS NULL THEN archived_at WHEN $4 THEN coalesce(archived_at, now()) ELSE NULL END,
           version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND version = $5 RETURNING ${COLUMNS}`,
        [ctx.workspaceId, id, dto.name ?? null, archive ?? null, version],
      );
      if (!row) throw new PreconditionFailed('This client was changed by someone else since you read it.', toView(await this.find(tx, ctx, id)));
      const write = writeContext(ctx, meta);
      if (row.name !== before.name) {
        await this.audit.record(tx, write, { action: 'client.renamed', entityType: 'client', entityId: id, clientId: id, before: { name: before.name }, after: { name: row.name } });
      }
      if (Boolean(row.archived_at) !== Boolean(before.archived_at)) {
        await this.audit.record(tx, write, {
          action: row.archived_at ? 'client.archived' : 'client.restored',
          entityType: 'client',
          entityId: id,
          clientId: id,
          before: { archivedAt: before.archived_at },
          after: { archivedAt: row.archived_at },
        });
      }
      return toView(row);
    });
  }

  private async find(tx: EntityManager, ctx: TenantContext, id: string): Promise<ClientRow> {
    const [row]: ClientRow[] = await tx.query(`SELECT ${COLUMNS} FROM clients WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, id]);
    if (!row) throw new NotFoundException('No such client.');
    return row;
  }

  private async assertNameFree(tx: EntityManager, ctx: TenantContext, name: string, exceptId: string | null): Promise<void> {
    const [clash] = await tx.query(`SELECT id FROM clients WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [
      ctx.workspaceId,
      name,
      exceptId,
    ]);
    if (clash) throw new ConflictException({ message: `A client named "${name}" already exists.`, details: [{ field: 'name', message: 'is already taken' }] });
  }
}
