import { Body, Controller, Delete, Get, Headers, ParseBoolPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { etagOf, expectedVersion } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { Meta, Requires, Tenant } from '../common/decorators';
import { UuidParam } from '../common/uuid-param';
import { ClientsService } from './clients.service';
import { ClientView, CreateClientDto, UpdateClientDto } from './dto/tenancy.dto';

@ApiTags('clients')
@ApiParam({ name: 'ws', type: String, format: 'uuid', description: 'The workspace' })
@Controller('workspaces/:ws/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Requires('clients.read')
  @ApiQuery({ name: 'archived', required: false, type: Boolean })
  @ApiOkResponse({ type: [ClientView] })
  list(@Tenant() ctx: TenantContext, @Query('archived', new ParseBoolPipe({ optional: true })) archived?: boolean) {
    return this.clients.list(ctx, archived ?? false);
  }

  @Post()
  @Requires('clients.manage')
  @ApiCreatedResponse({ type: ClientView })
  async create(@Tenant() ctx: TenantContext, @Body() dto: CreateClientDto, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const client = await this.clients.create(ctx, dto, meta);
    res.setHeader('ETag', etagOf(client.version));
    return client;
  }

  @Get(':clientId')
  @Requires('clients.read')
  @ApiOkResponse({ type: ClientView })
  async get(@Tenant() ctx: TenantContext, @UuidParam('clientId') id: string, @Res({ passthrough: true }) res: Response) {
    const client = await this.clients.get(ctx, id);
    res.setHeader('ETag', etagOf(client.version));
    return client;
  }

  @Patch(':clientId')
  @Requires('clients.manage')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag you read' })
  @ApiOkResponse({ type: ClientView })
  async update(
    @Tenant() ctx: TenantContext,
    @UuidParam('clientId') id: string,
    @Body() dto: UpdateClientDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const client = await this.clients.update(ctx, id, dto, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(client.version));
    return client;
  }

  /** Archives: a client's matrices and history stay on the record. PATCH { archived: false } restores. */
  @Delete(':clientId')
  @Requires('clients.manage')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ClientView })
  async archive(
    @Tenant() ctx: TenantContext,
    @UuidParam('clientId') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const client = await this.clients.update(ctx, id, { archived: true }, expectedVersion(ifMatch), meta);
    res.setHeader('ETag', etagOf(client.version));
    return client;
  }
}
