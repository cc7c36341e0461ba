import type { NextFunction, Request, Response } from 'express';

export const CSRF_HEADER = 'x-accord-csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must carry a custom header, which a cross-site page cannot send
 * without a CORS preflight we never grant, and any Origin they carry must be our own.
 */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const origin = req.headers.origin;
  const ownOrigin = `${req.protocol}://${req.get('host')}`;
  const sameOrigin = !origin || origin === ownOrigin;
  if (sameOrigin && req.headers[CSRF_HEADER] === '1') return next();
  res.status(403).json({
    statusCode: 403,
    error: 'Forbidden',
    message: sameOrigin ? `Cross-site request refused: send the ${CSRF_HEADER} header.` : 'Cross-site request refused: foreign Origin.',
  });
}
