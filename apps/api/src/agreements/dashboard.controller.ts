import { Body, Controller, Get, Headers, Patch, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { DashboardService } from './dashboard.service';
import { DashboardView, UpdateWorkspaceSettingsDto, WorkspaceSettingsView } from './dto/dashboard.dto';

@ApiTags('dashboard')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  /** Across every client the person may see; a client user sees their own client only. */
  @Get('dashboard')
  @Requires('matrix.read')
  @ApiOkResponse({ type: DashboardView })
  dashboard(@Tenant() ctx: TenantContext) {
    return this.dashboards.dashboard(ctx);
  }

  @Get('settings')
  @Requires('workspace.read')
  @ApiOkResponse({ type: WorkspaceSettingsView })
  async settings(@Tenant() ctx: TenantContext, @Res({ passthrough: true }) res: Response) {
    const settings = await this.dashboards.settings(ctx);
    res.setHeader('ETag', etagOf(settings.version));
    return settings;
  }

  @Patch('settings')
  @Requires('workspace.manage')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The settings version you read' })
  @ApiOkResponse({ type: WorkspaceSettingsView })
  async updateSettings(
    @Tenant() ctx: TenantContext,
    @Body() dto: UpdateWorkspaceSettingsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const settings = await this.dashboards.updateSettings(ctx, dto.reviewIntervalDays, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(settings.version));
    return settings;
  }
}
