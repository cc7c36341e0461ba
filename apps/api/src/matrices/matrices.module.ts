import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExportsController } from '../exports/exports.controller';
import { MatricesController } from './matrices.controller';
import { MatricesService } from './matrices.service';
import { MatrixEvents } from './matrix-events';

@Module({
  imports: [AuditModule],
  controllers: [MatricesController, ExportsController],
  providers: [MatricesService, MatrixEvents],
  exports: [MatricesService, MatrixEvents],
})
export class MatricesModule {}
