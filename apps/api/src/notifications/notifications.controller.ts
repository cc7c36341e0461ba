import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TenantContext } from '../common/context';
import { Requires, Tenant } from '../common/decorators';
import { MarkReadDto, NotificationListView, UnreadView } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Mine only: row-level security admits nobody else's. */
  @Get()
  @Requires('workspace.read')
  @ApiOkResponse({ type: NotificationListView })
  list(@Tenant() ctx: TenantContext) {
    return this.notifications.list(ctx);
  }

  @Post('read')
  @HttpCode(200)
  @Requires('workspace.read')
  @ApiOkResponse({ type: UnreadView })
  markRead(@Tenant() ctx: TenantContext, @Body() dto: MarkReadDto) {
    return this.notifications.markRead(ctx, dto.ids);
  }
}
