import { BadRequestException, Controller, Get, Headers, HttpCode, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachment } from '../common/attachment';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { MatrixView } from '../matrices/dto/matrix.dto';
import { MatricesService } from '../matrices/matrices.service';
import { formatOf, readTable, tableToCsv, tableToXlsx } from './table-files';

/** What multer hands over of an upload; only these fields are read. */
interface UploadedTableFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('exports')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@ApiParam({ name: 'matrixId', type: String, format: 'uuid' })
@Controller('workspaces/:ws/matrices/:matrixId')
export class ExportsController {
  constructor(private readonly matrices: MatricesService) {}

  @Get('export.csv')
  @Requires('matrix.read')
  @ApiProduces('text/csv')
  async csv(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { name, table } = await this.matrices.exportTable(ctx, matrixId);
    attachment(res, name, 'csv', 'text/csv; charset=utf-8');
    return tableToCsv(table);
  }

  @Get('export.xlsx')
  @Requires('matrix.read')
  @ApiProduces(XLSX)
  async xlsx(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { name, table } = await this.matrices.exportTable(ctx, matrixId);
    attachment(res, name, 'xlsx', XLSX);
    return new StreamableFile(await tableToXlsx(table, name));
  }

  /** Replaces the draft's rows with a CSV or XLSX file in the export's layout; all or nothing. */
  @Post('import')
  @HttpCode(200)
  @Requires('matrix.edit')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The matrix version you read (its ETag)' })
  @ApiOkResponse({ type: MatrixView })
  async import(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UploadedFile() file: UploadedTableFile | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MatrixView> {
    if (!file) throw new BadRequestException({ message: 'Attach the file to import.', details: [{ field: 'file', message: 'is required' }] });
    const version = expectedVersion(ifMatch);
    const table = await readTable(file.buffer, formatOf(file.originalname, file.mimetype));
    const matrix = await this.matrices.importTable(ctx, matrixId, table, version, meta);
    res.setHeader('ETag', etagOf(matrix.version));
    return matrix;
  }
}
