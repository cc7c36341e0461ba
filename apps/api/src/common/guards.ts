import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, can, isRole, ROLE_PARTY } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { TenantDb } from '../database/tenant-db';
import type { SessionUser } from './context';
import { type AccordRequest, IS_PUBLIC, REQUIRES } from './decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Every route needs a signed-in person unless it is marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: TenantDb,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<AccordRequest>();
    const userId = req.session?.userId;
    if (!isUuid(userId)) {
      if (isPublic) return true;
      throw new UnauthorizedException('Sign in to continue.');
    }
    // Workspace routes load the person together with their membership, in the tenant guard's
    // one transaction; only the others need a look-up of their own.
    const tenantRoute = this.reflector.getAllAndOverride<Action | undefined>(REQUIRES, [context.getHandler(), context.getClass()]) !== undefined;
    if (tenantRoute && !isPublic) {
      req.sessionUserId = userId;
      return true;
    }
    const [user] = await this.db.run({ userId }, (tx) => tx.query<SessionUser[]>('SELECT id, email, name FROM users WHERE id = $1', [userId]));
    if (user) req.user = user;
    if (isPublic || req.user) return true;
    throw new UnauthorizedException('Sign in to continue.');
  }
}

/** Path parameters that name a tenant's object, and the table that holds it. */
const ID_PARAMS: Record<string, string> = {
  clientId: 'clients',
  memberId: 'memberships',
  invitationId: 'invitations',
  matrixId: 'matrices',
  partyId: 'matrix_parties',
  responsibilityId: 'responsibilities',
  claimId: 'claims',
};

/**
 * Resolves the membership of the signed-in person in the `:ws` workspace and checks the route's
 * permission. Unknown and foreign workspaces, and other clients' ids, answer 404.
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: TenantDb,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRES, [context.getHandler(), context.getClass()]);
    if (!action) return true;
    const req = context.switchToHttp().getRequest<AccordRequest>();
    const userId = req.user?.id ?? req.sessionUserId;
    if (!userId) throw new UnauthorizedException('Sign in to continue.');
    const workspaceId = req.params.ws;
    if (!isUuid(workspaceId)) throw new NotFoundException('No such workspace.');

    // One transaction: the person and their membership (visible through app.user_id), then, in
    // the tenant's scope, every id of the path (row-level security decides, client included).
    const { person, membership, invisible } = await this.db.run({ userId }, async (tx) => {
      const [found] = await tx.query<{ id: string; email: string; name: string; membership_id: string | null; role: string | null; client_id: string | null }[]>(
        `SELECT u.id, u.email, u.name, m.id AS membership_id, m.role, m.client_id
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = $2 WHERE u.id = $1`,
        [userId, workspaceId],
      );
      if (!found?.role || !isRole(found.role) || !can(found.role, action)) return { person: found, membership: found, invisible: null };
      await tx.query(`SELECT set_config('app.workspace_id', $1, true), set_config('app.client_id', $2, true)`, [workspaceId, found.client_id ?? '']);
      return { person: found, membership: found, invisible: await this.firstInvisibleId(tx, req.params as Record<string, string>, workspaceId) };
    });
    if (!person) throw new UnauthorizedException('Sign in to continue.');
    const user: SessionUser = { id: person.id, email: person.email, name: person.name };
    req.user = user;
    if (!membership?.membership_id || !membership.role || !isRole(membership.role)) throw new NotFoundException('No such workspace.');
    if (!can(membership.role, action)) {
      throw new ForbiddenException(`Your role (${membership.role}) may not do this (${action}).`);
    }
    // A foreign id answers 404 before any input is validated, whatever the body, so it never
    // gets a 400 that an unknown id would not.
    if (invisible) throw new NotFoundException(`No such ${invisible.replace(/Id$/, '')}.`);
    req.tenant = {
      user,
      workspaceId,
      membershipId: membership.membership_id,
      role: membership.role,
      clientId: membership.client_id,
      party: ROLE_PARTY[membership.role],
    };
    return true;
  }

  private async firstInvisibleId(tx: EntityManager, params: Record<string, string>, workspaceId: string): Promise<string | null> {
    for (const [name, id] of Object.entries(params)) {
      if (!(name in ID_PARAMS)) continue;
      if (!isUuid(id)) return name;
      const [row] = await tx.query(`SELECT 1 FROM ${ID_PARAMS[name]} WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
      if (!row) return name;
    }
    return null;
  }
}
