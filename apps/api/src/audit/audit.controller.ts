import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TenantContext } from '../common/context';
import { Requires, Tenant } from '../common/decorators';
import { AuditService } from './audit.service';
import { AuditPageView, AuditQueryDto, AuditVerifyView } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  @ApiOkResponse({ type: AuditPageView })
  list(@Tenant() ctx: TenantContext, @Query() query: AuditQueryDto) {
    return this.audit.list(ctx, query);
  }

  /** Recomputes the workspace's chain; answers only the verdict, so client users learn nothing of other clients. */
  @Get('verify')
  @Requires('audit.read')
  @ApiOkResponse({ type: AuditVerifyView })
  verify(@Tenant() ctx: TenantContext) {
    return this.audit.verify(ctx);
  }
}
