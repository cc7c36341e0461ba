import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, can, isRole, ROLE_PARTY } from '@accord/raci';
import { sessionUserStatement } from '../auth/session';
import { GUARDED_IDS } from '../database/guarded-ids';
import { TenantDb, uuidLiteral } from '../database/tenant-db';
import type { SessionUser } from './context';
import { type AccordRequest, IS_PUBLIC, REQUIRES } from './decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The statement that makes the request's person the transaction's app.user_id: from the session
 * express-session loaded, or, on workspace routes (which skip the store, see sessionMiddleware),
 * straight from the sessions table by the cookie's verified id. Undefined without either.
 */
function personStatement(req: AccordRequest): string | undefined {
  const userId = req.session?.userId;
  if (isUuid(userId)) return `SELECT set_config('app.user_id', ${uuidLiteral(userId)}, true)`;
  return req.sessionId ? sessionUserStatement(req.sessionId) : undefined;
}

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
    const person = personStatement(req);
    if (!person) {
      if (isPublic) return true;
      throw new UnauthorizedException('Sign in to continue.');
    }
    // Workspace routes load the person together with their membership, in the tenant guard's
    // one round trip; only the others need a look-up of their own.
    const tenantRoute = this.reflector.getAllAndOverride<Action | undefined>(REQUIRES, [context.getHandler(), context.getClass()]) !== undefined;
    if (tenantRoute && !isPublic) return true;
    const [, [user]] = await this.db.once<SessionUser>({}, `${person}; SELECT id, email, name FROM users WHERE id = app_user_id()`);
    if (user) req.user = user;
    if (isPublic || req.user) return true;
    throw new UnauthorizedException('Sign in to continue.');
  }
}

/** The person and their membership in the path's workspace, and whether each id of the path is visible. */
type PersonRow = { id: string; email: string; name: string; membership_id: string | null; role: string | null; client_id: string | null } & Record<string, unknown>;


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
    const sessionUser = req.session?.userId;
    const userId = isUuid(sessionUser) ? sessionUser : null;
    if (!userId && !req.sessionId) throw new UnauthorizedException('Sign in to continue.');
    const workspaceId = req.params.ws;
    if (!isUuid(workspaceId)) throw new NotFoundException('No such workspace.');

    // One prepared statement, one implicit transaction (app_resolve_request, migration
    // RequestGuard1765000000000): the person from the session, their membership, the client scope
    // taken from it, then every id of the path under row-level security in that scope (client
    // included). The ids are only looked at when the role may act, so nothing about them reaches
    // anyone else.
    const params = req.params as Record<string, string>;
    const ids = GUARDED_IDS.map(([name]) => params[name] ?? null);
    const malformed = GUARDED_IDS.find(([name]) => params[name] !== undefined && !isUuid(params[name]))?.[0];
    const person = await this.db.resolveRequest<PersonRow>(req.sessionId ?? null, userId, workspaceId, malformed ? ids.map(() => null) : ids);
    const invisible = malformed ?? GUARDED_IDS.find(([name]) => person?.[name] === false)?.[0] ?? null;
    if (!person) throw new UnauthorizedException('Sign in to continue.');
    const user: SessionUser = { id: person.id, email: person.email, name: person.name };
    req.user = user;
    if (!person.membership_id || !person.role || !isRole(person.role)) throw new NotFoundException('No such workspace.');
    if (!can(person.role, action)) {
      throw new ForbiddenException(`Your role (${person.role}) may not do this (${action}).`);
    }
    // A foreign id answers 404 before any input is validated, whatever the body, so it never
    // gets a 400 that an unknown id would not.
    if (invisible) throw new NotFoundException(`No such ${invisible.replace(/Id$/, '')}.`);
    req.tenant = {
      user,
      workspaceId,
      membershipId: person.membership_id,
      role: person.role,
      clientId: person.client_id,
      party: ROLE_PARTY[person.role],
    };
    return true;
  }
}
