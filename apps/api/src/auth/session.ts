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
    handler(req, res, (error?: unknown) => {
      if (!error) return next();
      // express-session also reports a failed save after the response went out; nothing to answer then.
      if (res.headersSent) return;
      res.status(503).setHeader('Retry-After', '5');
      res.json({ statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable; try again shortly.' });
    });
  };
}

/** A new session id at every sign-in, so a planted cookie never becomes a signed-in one. */
export async function startSession(req: Request, user: SessionUser): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  req.session.userId = user.id;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}
