import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { AcceptedClaimView, ClaimsQuery, ClaimView, CreateClaimDto, DeclineClaimDto } from './dto/claim.dto';
import { ClaimsService } from './claims.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The claim version you read' };

@ApiTags('claims')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/matrices/:matrixId/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  /** Open claims first, then the decided ones, newest first. */
  @Get()
  @Requires('matrix.read')
  @ApiOkResponse({ type: [ClaimView] })
  list(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Query() query: ClaimsQuery) {
    return this.claims.list(ctx, matrixId, query.state);
  }

  @Post()
  @Requires('claims.propose')
  @ApiCreatedResponse({ type: ClaimView })
  propose(@Tenant() ctx: TenantContext, @UuidParam('matrixId') matrixId: string, @Body() dto: CreateClaimDto, @Meta() meta: RequestMeta) {
    return this.claims.propose(ctx, matrixId, dto, meta);
  }

  /** Applies the claim to the draft; 409 when the row changed since the claim was made. */
  @Post(':claimId/accept')
  @HttpCode(200)
  @Requires('claims.propose')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AcceptedClaimView })
  accept(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('claimId') claimId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
  ) {
    return this.claims.accept(ctx, matrixId, claimId, expectedVersion(ifMatch), meta);
  }

  @Post(':claimId/decline')
  @HttpCode(200)
  @Requires('claims.propose')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ClaimView })
  decline(
    @Tenant() ctx: TenantContext,
    @UuidParam('matrixId') matrixId: string,
    @UuidParam('claimId') claimId: string,
    @Body() dto: DeclineClaimDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
  ) {
    return this.claims.decline(ctx, matrixId, claimId, dto.reason, expectedVersion(ifMatch), meta);
  }
}
