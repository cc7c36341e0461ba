import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatricesController } from './matrices.controller';
import { MatricesService } from './matrices.service';
import { MatrixEvents } from './matrix-events';

@Module({
  imports: [AuditModule],
  controllers: [MatricesController],
  providers: [MatricesService, MatrixEvents],
})
export class MatricesModule {}
