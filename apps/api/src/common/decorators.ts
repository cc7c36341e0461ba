import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action } from '@accord/raci';
import type { Request } from 'express';
import type { RequestMeta, SessionUser, TenantContext } from './context';

export const IS_PUBLIC = 'accord:public';
export const REQUIRES = 'accord:requires';

/** The route needs no sign-in (health, sign-up, sign-in, invitation preview). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route acts in the workspace named by `:ws` and needs this permission there. A person with
 * no membership in that workspace gets 404, as if it did not exist.
 */
export const Requires = (action: Action) => SetMetadata(REQUIRES, action);

/** `sessionId`: the verified id of the session cookie on workspace routes, whose person the guards look up (see sessionMiddleware). */
export type AccordRequest = Request & { user?: SessionUser; sessionId?: string; tenant?: TenantContext; id?: string };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AccordRequest>().user;
  if (!user) throw new Error('@CurrentUser() on a route without sign-in');
  return user;
});

/** The tenant of the request; throws rather than returning nothing, so no query runs untenanted. */
export const Tenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantContext => {
  const tenant = ctx.switchToHttp().getRequest<AccordRequest>().tenant;
  if (!tenant) throw new Error('@Tenant() on a route without @Requires()');
  return tenant;
});

export function metaOf(req: AccordRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: typeof req.id === 'string' ? req.id : null };
}

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => metaOf(ctx.switchToHttp().getRequest<AccordRequest>()));
