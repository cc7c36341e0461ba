import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { sessionMiddleware } from './auth/session';
import { csrfProtection } from './common/csrf';
import { createValidationPipe } from './common/validation';
import { type Env, sessionSecret } from './config/env';
import { mountOpenApi } from './openapi';

export const API_PREFIX = 'api';

/** Everything main.ts and the tests share, so the app under test is the app that ships. */
export function configureApp(app: NestExpressApplication, env: Env): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Mantine sets CSS variables through style attributes.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.use(`/${API_PREFIX}`, privateResponses);
  app.use(`/${API_PREFIX}`, csrfProtection);
  // Sessions share the API's connection pool (as the application role) and close with it.
  const pool = (app.get(DataSource).driver as PostgresDriver).master;
  app.use(`/${API_PREFIX}`, sessionMiddleware(pool, sessionSecret(env)));
  app.useGlobalPipes(createValidationPipe());
  mountOpenApi(app);
  serveSpa(app, path.resolve(env.WEB_DIST));
}

/** The built SPA at /, with its client-side routes falling back to index.html. */
function serveSpa(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * API answers are one tenant's data and change under other people's edits: never stored by a
 * browser or a proxy. (A matrix's ETag is its structural version for If-Match; a cached copy
 * revalidated against it would miss row edits.)
 */
function privateResponses(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

function noCacheForHtml(res: Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
