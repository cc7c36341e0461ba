import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatricesController } from './matrices.controller';
import { MatricesService } from './matrices.service';

@Module({
  imports: [AuditModule],
  controllers: [MatricesController],
  providers: [MatricesService],
})
export class MatricesModule {}
