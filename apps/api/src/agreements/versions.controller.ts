import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachment } from '../common/attachment';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { NumberParam, UuidParam } from '../common/uuid-param';
import { DiffQuery, RejectDto, RequestSignOffDto, SignDto, VersionDiffView, VersionSummaryView, VersionView } from './dto/version.dto';
import { VersionsService } from './versions.service';

@ApiTags('versions')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/matrices/:matrixId/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @Requires('matrix.read')
  @ApiOkResponse({ type: [VersionSummaryView] })
  list(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string) {
    return this.versions.list(ctx, matrixId);
  }

  /** Request sign-off: freezes the draft into the next version; 422 names what blocks it. */
  @Post()
  @Requires('matrix.edit')
  @ApiCreatedResponse({ type: VersionView })
  request(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Body() dto: RequestSignOffDto, @Meta() meta: RequestMeta) {
    return this.versions.request(ctx, matrixId, dto.sign, meta);
  }

  @Get(':n')
  @Requires('matrix.read')
  @ApiParam({ name: 'n', type: Number })
  @ApiOkResponse({ type: VersionView })
  get(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number) {
    return this.versions.get(ctx, matrixId, n);
  }

  /** Sign for a party your role represents (403 otherwise); 409 once the version is superseded. */
  @Post(':n/signatures')
  @Requires('signoff.sign')
  @ApiParam({ name: 'n', type: Number })
  @ApiCreatedResponse({ type: VersionView })
  sign(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number, @Body() dto: SignDto, @Meta() meta: RequestMeta) {
    return this.versions.sign(ctx, matrixId, n, dto, meta);
  }

  @Post(':n/rejections')
  @HttpCode(201)
  @Requires('signoff.sign')
  @ApiParam({ name: 'n', type: Number })
  @ApiCreatedResponse({ type: VersionView })
  reject(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number, @Body() dto: RejectDto, @Meta() meta: RequestMeta) {
    return this.versions.reject(ctx, matrixId, n, dto, meta);
  }

  @Get(':n/diff')
  @Requires('matrix.read')
  @ApiParam({ name: 'n', type: Number })
  @ApiOkResponse({ type: VersionDiffView })
  diff(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number, @Query() query: DiffQuery) {
    return this.versions.diff(ctx, matrixId, n, query.against);
  }

  /** The snapshot, hash and signatures as one file; `npm run verify-version -- file.json` checks it offline. */
  @Get(':n/export.json')
  @Requires('matrix.read')
  @ApiParam({ name: 'n', type: Number })
  @ApiProduces('application/json')
  async exportJson(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number, @Res({ passthrough: true }) res: Response) {
    const { name, body } = await this.versions.exportJson(ctx, matrixId, n);
    attachment(res, name, 'json', 'application/json; charset=utf-8');
    return body;
  }

  @Get(':n/certificate.pdf')
  @Requires('matrix.read')
  @ApiParam({ name: 'n', type: Number })
  @ApiProduces('application/pdf')
  async certificate(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @NumberParam('n') n: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { name, pdf } = await this.versions.certificate(ctx, matrixId, n);
    attachment(res, name, 'pdf', 'application/pdf');
    return new StreamableFile(pdf);
  }
}
