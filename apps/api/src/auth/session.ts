import { parse as parseCookies } from 'cookie';
import { unsign } from 'cookie-signature';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type { Pool } from 'pg';
import type { SessionUser } from '../common/context';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

export const SESSION_COOKIE = 'accord.sid';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Server-side sessions in PostgreSQL (so any API process can serve any request). The cookie is
 * httpOnly and SameSite=Lax, and Secure whenever the request came over HTTPS.
 */
export function sessionMiddleware(pool: Pool, secret: string): RequestHandler {
  const PgStore = connectPgSimple(session);
  const handler = session({
    name: SESSION_COOKIE,
    secret,
    // No touch on every request: a session lasts a week from sign-in, and reads stay reads.
    store: new PgStore({ pool, tableName: 'sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60, disableTouch: true }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: WEEK_MS, path: '/' },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    // Health checks must not depend on the session store.
    if (req.originalUrl.startsWith('/api/health')) return next();
    // A workspace's routes never change the session: they only need to know whose it is, and the
    // guards look that up together with the membership, in their one round trip to the
    // database, instead of the store's own query before them.
    if (WORKSPACE_ROUTE.test(req.originalUrl)) {
      (req as Request & { sessionId?: string }).sessionId = sessionIdOf(req, secret);
      return next();
    }
    handler(req, res, (error?: unknown) => {
      if (!error) return next();
      // express-session also reports a failed save after the response went out; nothing to answer then.
      if (res.headersSent) return;
      res.status(503).setHeader('Retry-After', '5');
      res.json({ statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable; try again shortly.' });
    });
  };
}

const WORKSPACE_ROUTE = /^\/api\/workspaces\/[^/?#]+\//;

/** What express-session's ids look like (uid-safe, 24 bytes): nothing else reaches SQL. */
const SESSION_ID = /^[A-Za-z0-9_-]{32}$/;

/** The session id of the request's cookie, when its signature is good; as express-session reads it. */
export function sessionIdOf(req: Request, secret: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const raw = parseCookies(header)[SESSION_COOKIE];
  if (!raw?.startsWith('s:')) return undefined;
  const sid = unsign(raw.slice(2), secret);
  return typeof sid === 'string' && SESSION_ID.test(sid) ? sid : undefined;
}

/**
 * SQL that sets app.user_id to the person of a live session, or to nothing: the first step of a
 * guard's one message. `sid` must have passed sessionIdOf.
 */
export function sessionUserStatement(sid: string): string {
  if (!SESSION_ID.test(sid)) throw new Error('not a session id');
  return `SELECT set_config('app.user_id', coalesce(app_session_user('${sid}')::text, ''), true)`;
}

/** A new session id at every sign-in, so a planted cookie never becomes a signed-in one. */
export async function startSession(req: Request, user: SessionUser): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  req.session.userId = user.id;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}
