import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatricesModule } from '../matrices/matrices.module';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';

@Module({
  imports: [AuditModule, MatricesModule],
  controllers: [EscalationController],
  providers: [EscalationService],
})
export class EscalationModule {}
