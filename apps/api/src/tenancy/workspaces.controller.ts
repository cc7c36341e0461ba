import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@accord/raci';
import type { SessionUser, TenantContext } from '../common/context';
import { CurrentUser, Requires, Tenant } from '../common/decorators';
import { TenantDb } from '../database/tenant-db';
import { WorkspaceView } from './dto/tenancy.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly db: TenantDb) {}

  /** The workspaces the signed-in person belongs to, for the switcher. */
  @Get()
  @ApiOkResponse({ type: [WorkspaceView] })
  mine(@CurrentUser() user: SessionUser): Promise<WorkspaceView[]> {
    return this.db.run({ userId: user.id }, async (tx) => {
      const rows = await tx.query(
        `SELECT w.id, w.name, m.role, m.client_id FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1 ORDER BY w.name`,
        [user.id],
      );
      return rows.map((r: { id: string; name: string; role: keyof typeof PERMISSIONS; client_id: string | null }) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        clientId: r.client_id,
        permissions: [...PERMISSIONS[r.role]],
      }));
    });
  }

  @Get(':ws')
  @ApiParam({ name: 'ws', type: String, format: 'uuid' })
  @Requires('workspace.read')
  @ApiOkResponse({ type: WorkspaceView })
  one(@Tenant() ctx: TenantContext): Promise<WorkspaceView> {
    return this.db.run({ workspaceId: ctx.workspaceId, clientId: ctx.clientId, userId: ctx.user.id }, async (tx) => {
      const [w] = await tx.query(`SELECT id, name FROM workspaces WHERE id = $1`, [ctx.workspaceId]);
      return { id: w.id, name: w.name, role: ctx.role, clientId: ctx.clientId, permissions: [...PERMISSIONS[ctx.role]] };
    });
  }
}
