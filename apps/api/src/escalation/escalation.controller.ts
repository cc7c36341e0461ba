import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { EscalationPolicyDoc, EscalationPolicyView, SimulateDto, SimulationView } from './dto/escalation.dto';
import { EscalationService } from './escalation.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The policy version you read (0 before the first save)' };

@ApiTags('escalation')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/matrices/:matrixId/escalation-policy')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  /** The matrix's policy; a default (version 0) until someone saves one. */
  @Get()
  @Requires('matrix.read')
  @ApiOkResponse({ type: EscalationPolicyView })
  async get(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.escalation.get(ctx, matrixId);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  /**
   * Replaces the policy. The body is checked as a whole by libs/raci against the matrix (time
   * zones, waits, contacts, parties, rows), so its type is left open to the global pipe.
   */
  @Put()
  @Requires('matrix.edit')
  @ApiHeader(IF_MATCH)
  @ApiBody({ type: EscalationPolicyDoc })
  @ApiOkResponse({ type: EscalationPolicyView })
  async save(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @Body() body: Record<string, unknown>,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.escalation.save(ctx, matrixId, body, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Post('paths/:pathKey/review')
  @HttpCode(200)
  @Requires('escalation.review')
  @ApiHeader(IF_MATCH)
  @ApiParam({ name: 'pathKey', type: String })
  @ApiOkResponse({ type: EscalationPolicyView })
  async review(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @Param('pathKey') pathKey: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.escalation.review(ctx, matrixId, pathKey, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  /** Runs nothing and writes nothing: the timeline the policy would produce at that instant. */
  @Post('simulate')
  @HttpCode(200)
  @Requires('matrix.read')
  @ApiOkResponse({ type: SimulationView })
  simulate(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Body() dto: SimulateDto) {
    return this.escalation.simulate(ctx, matrixId, dto);
  }
}
