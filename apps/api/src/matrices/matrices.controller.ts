import { Body, Controller, Delete, Get, Headers, HttpCode, type MessageEvent, Patch, Post, Put, Query, Res, Sse } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { GapView, RenameMatrixDto, ReorderDto, SaveTemplateDto, TemplateView, CreatePartyDto, TARGET_MODELS, TransitionDto, TransitionPreviewView, UpdatePartyDto, CreateMatrixDto, CreateResponsibilityDto, MatrixSummaryView, MatrixView, ResponsibilityView, SetAssignmentsDto, UpdateResponsibilityDto } from './dto/matrix.dto';
import { MatricesService } from './matrices.service';
import { MatrixEvents } from './matrix-events';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The row version you read (its ETag)' };

@ApiTags('matrices')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws')
export class MatricesController {
  constructor(
    private readonly matrices: MatricesService,
    private readonly events: MatrixEvents,
  ) {}

  /** Server-sent events: every committed change of this matrix, from any API process. */
  @Get('matrices/:matrixId/events')
  @Sse()
  @Requires('matrix.read')
  async stream(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string): Promise<Observable<MessageEvent>> {
    await this.matrices.assertVisible(ctx, matrixId);
    return this.events.stream(ctx.workspaceId, matrixId);
  }

  @Get('clients/:clientId/matrices')
  @Requires('matrix.read')
  @ApiOkResponse({ type: [MatrixSummaryView] })
  list(@Tenant() ctx: TenantContext, @UuidParam('clientId') clientId: string) {
    return this.matrices.list(ctx, clientId);
  }

  @Post('clients/:clientId/matrices')
  @Requires('matrix.edit')
  @ApiCreatedResponse({ type: MatrixView })
  create(@Tenant() ctx: TenantContext, @UuidParam('clientId') clientId: string, @Body() dto: CreateMatrixDto, @Meta() meta: RequestMeta) {
    return this.matrices.create(ctx, clientId, dto, meta);
  }

  /** The draft with every row and letter, in a fixed number of queries whatever its size. */
  @Get('matrices/:matrixId')
  @Requires('matrix.read')
  @ApiOkResponse({ type: MatrixView })
  async get(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Res() res: Response): Promise<void> {
    const { version, json } = await this.matrices.getJson(ctx, matrixId);
    res.setHeader('ETag', etagOf(version));
    res.type('application/json').send(json);
  }

  @Patch('matrices/:matrixId')
  @Requires('matrix.edit')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The matrix version you read' })
  @ApiOkResponse({ type: MatrixView })
  async rename(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @Body() dto: RenameMatrixDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const matrix = await this.matrices.rename(ctx, matrixId, dto.name, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(matrix.version));
    return matrix;
  }

  @Post('matrices/:matrixId/responsibilities/reorder')
  @HttpCode(200)
  @Requires('matrix.edit')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The matrix version you read' })
  @ApiOkResponse({ type: MatrixView })
  async reorder(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @Body() dto: ReorderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const matrix = await this.matrices.reorder(ctx, matrixId, dto.order, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(matrix.version));
    return matrix;
  }

  @Get('templates')
  @Requires('matrix.read')
  @ApiOkResponse({ type: [TemplateView] })
  templates(@Tenant() ctx: TenantContext) {
    return this.matrices.templates(ctx);
  }

  @Post('templates')
  @Requires('templates.manage')
  @ApiCreatedResponse({ type: TemplateView })
  saveTemplate(@Tenant() ctx: TenantContext, @Body() dto: SaveTemplateDto, @Meta() meta: RequestMeta) {
    return this.matrices.saveTemplate(ctx, dto, meta);
  }

  @Get('matrices/:matrixId/gaps')
  @Requires('matrix.read')
  @ApiOkResponse({ type: [GapView] })
  gaps(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string) {
    return this.matrices.gaps(ctx, matrixId);
  }

  /** Shows what moving to the other support model would change; nothing is applied. */
  @Get('matrices/:matrixId/transition')
  @Requires('matrix.read')
  @ApiQuery({ name: 'to', enum: TARGET_MODELS })
  @ApiOkResponse({ type: TransitionPreviewView })
  previewTransition(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Query('to') to: string | undefined) {
    return this.matrices.previewTransition(ctx, matrixId, to);
  }

  @Post('matrices/:matrixId/transition')
  @HttpCode(200)
  @Requires('matrix.edit')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version the preview showed' })
  @ApiOkResponse({ type: MatrixView })
  async applyTransition(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @Body() dto: TransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const matrix = await this.matrices.applyTransition(ctx, matrixId, dto.to, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(matrix.version));
    return matrix;
  }

  @Post('matrices/:matrixId/parties')
  @Requires('matrix.edit')
  @ApiCreatedResponse({ type: MatrixView })
  addParty(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Body() dto: CreatePartyDto, @Meta() meta: RequestMeta) {
    return this.matrices.addParty(ctx, matrixId, dto, meta);
  }

  @Patch('matrices/:matrixId/parties/:partyId')
  @Requires('matrix.edit')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The party version you read' })
  @ApiOkResponse({ type: MatrixView })
  updateParty(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('partyId') partyId: string,
    @Body() dto: UpdatePartyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
  ) {
    return this.matrices.updateParty(ctx, matrixId, partyId, dto, expectedVersion(ifMatch), meta);
  }

  @Delete('matrices/:matrixId/parties/:partyId')
  @Requires('matrix.edit')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The party version you read' })
  @ApiOkResponse({ type: MatrixView })
  deleteParty(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('partyId') partyId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
  ) {
    return this.matrices.deleteParty(ctx, matrixId, partyId, expectedVersion(ifMatch), meta);
  }

  @Post('matrices/:matrixId/responsibilities')
  @Requires('matrix.edit')
  @ApiCreatedResponse({ type: ResponsibilityView })
  addRow(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Body() dto: CreateResponsibilityDto, @Meta() meta: RequestMeta) {
    return this.matrices.addResponsibility(ctx, matrixId, dto, meta);
  }

  @Patch('matrices/:matrixId/responsibilities/:responsibilityId')
  @Requires('matrix.edit')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ResponsibilityView })
  async updateRow(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('responsibilityId') id: string,
    @Body() dto: UpdateResponsibilityDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.matrices.updateResponsibility(ctx, matrixId, id, dto, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(row.version));
    return row;
  }

  @Put('matrices/:matrixId/responsibilities/:responsibilityId/assignments')
  @Requires('matrix.edit')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ResponsibilityView })
  async setLetters(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('responsibilityId') id: string,
    @Body() dto: SetAssignmentsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.matrices.setAssignments(ctx, matrixId, id, dto, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(row.version));
    return row;
  }

  @Delete('matrices/:matrixId/responsibilities/:responsibilityId')
  @Requires('matrix.edit')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse()
  deleteRow(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('responsibilityId') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
  ) {
    return this.matrices.deleteResponsibility(ctx, matrixId, id, expectedVersion(ifMatch), meta);
  }
}
