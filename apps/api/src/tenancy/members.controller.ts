import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { MeView } from '../auth/dto/auth.dto';
import { startSession } from '../auth/session';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { type AccordRequest, Meta, Public, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { AcceptInvitationDto, CreateInvitationDto, InvitationPreview, InvitationView, MemberView, UpdateMemberDto } from './dto/tenancy.dto';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';

@ApiTags('people')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @Requires('members.read')
  @ApiOkResponse({ type: [MemberView] })
  list(@Tenant() ctx: TenantContext) {
    return this.members.list(ctx);
  }

  @Patch('members/:memberId')
  @Requires('members.manage')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: MemberView })
  async update(
    @Tenant() ctx: TenantContext,
    @UuidParam('memberId') id: string,
    @Body() dto: UpdateMemberDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const member = await this.members.update(ctx, id, dto, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(member.version));
    return member;
  }

  @Delete('members/:memberId')
  @Requires('members.manage')
  @HttpCode(204)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiNoContentResponse()
  remove(@Tenant() ctx: TenantContext, @UuidParam('memberId') id: string, @Headers('if-match') ifMatch: string | undefined, @Meta() meta: RequestMeta) {
    return this.members.remove(ctx, id, expectedVersion(ifMatch), meta);
  }

  @Get('invitations')
  @Requires('members.manage')
  @ApiOkResponse({ type: [InvitationView] })
  listInvitations(@Tenant() ctx: TenantContext) {
    return this.invitations.list(ctx);
  }

  @Post('invitations')
  @Requires('members.manage')
  @ApiCreatedResponse({ type: InvitationView, description: 'acceptUrl is present when no e-mail could be sent' })
  invite(@Tenant() ctx: TenantContext, @Body() dto: CreateInvitationDto, @Meta() meta: RequestMeta) {
    return this.invitations.create(ctx, dto, meta);
  }

  @Delete('invitations/:invitationId')
  @Requires('members.manage')
  @ApiOkResponse({ type: InvitationView })
  revoke(@Tenant() ctx: TenantContext, @UuidParam('invitationId') id: string, @Meta() meta: RequestMeta) {
    return this.invitations.revoke(ctx, id, meta);
  }
}

/** The invitee's side: before they belong to any workspace, so no :ws in the path. */
@ApiTags('people')
@Controller('invitations')
export class InvitationAcceptController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: InvitationPreview })
  preview(@Param('token') token: string) {
    return this.invitations.preview(token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: MeView, description: 'Signed in as the invitee' })
  async accept(@Param('token') token: string, @Body() dto: AcceptInvitationDto, @Req() req: AccordRequest, @Meta() meta: RequestMeta): Promise<MeView> {
    const user = await this.invitations.accept(token, dto, req.user, meta);
    if (!req.user) await startSession(req, user);
    return this.auth.me(user);
  }
}
