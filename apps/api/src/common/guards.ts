import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, can, isRole, ROLE_PARTY } from '@accord/raci';
import { sessionUserStatement } from '../auth/session';
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
    const who = personStatement(req);
    if (!who) throw new UnauthorizedException('Sign in to continue.');
    const workspaceId = req.params.ws;
    if (!isUuid(workspaceId)) throw new NotFoundException('No such workspace.');

    // One round trip, one implicit transaction: the person (from the session) and their
    // membership (visible through app.user_id), the client scope taken from that membership,
    // then every id of the path under row-level security in that scope (client included). The
    // ids are only looked at when the role may act, so nothing about them reaches anyone else.
    const ids = Object.entries(req.params as Record<string, string>).filter(([name]) => name in ID_PARAMS);
    const malformed = ids.find(([, id]) => !isUuid(id));
    const ws = uuidLiteral(workspaceId);
    const [, , [person]] = await this.db.once<PersonRow>(
      { workspaceId },
      `${who};
       SELECT set_config('app.client_id', coalesce((SELECT client_id::text FROM memberships WHERE user_id = app_user_id() AND workspace_id = ${ws}), ''), true);
       SELECT u.id, u.email, u.name, m.id AS membership_id, m.role, m.client_id${malformed ? '' : ids.map(([name, id]) => `,
         EXISTS (SELECT 1 FROM ${ID_PARAMS[name]} WHERE workspace_id = ${ws} AND id = ${uuidLiteral(id)}) AS "${name}"`).join('')}
       FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = ${ws} WHERE u.id = app_user_id()`,
    );
    const invisible = malformed ? malformed[0] : (ids.find(([name]) => person?.[name] !== true)?.[0] ?? null);
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
