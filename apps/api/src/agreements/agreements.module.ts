import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatricesModule } from '../matrices/matrices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions.service';

@Module({
  imports: [AuditModule, MatricesModule, NotificationsModule],
  controllers: [ClaimsController, VersionsController, DashboardController],
  providers: [ClaimsService, VersionsService, DashboardService],
})
export class AgreementsModule {}
