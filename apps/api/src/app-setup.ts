import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlib } from 'node:zlib';
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
  app.use(`/${API_PREFIX}`, compressApiAnswers);
  app.use(`/${API_PREFIX}`, privateResponses);
  app.use(`/${API_PREFIX}`, csrfProtection);
  // Sessions share the API's connection pool (as the application role) and close with it.
  const pool = (app.get(DataSource).driver as PostgresDriver).master;
  app.use(`/${API_PREFIX}`, sessionMiddleware(pool, sessionSecret(env)));
  app.useGlobalPipes(createValidationPipe());
  mountOpenApi(app);
  serveSpa(app, path.resolve(env.WEB_DIST));
}

/**
 * API answers (JSON above 1 kB) are compressed at the fastest settings. A 1,000-row matrix is
 * about 600 kB of JSON: brotli at quality 1 makes it about 44 kB in about 1 ms of CPU (gzip at
 * level 1, for clients without brotli, about 48 kB in 3 ms), beside about 20 ms of CPU the API
 * spends building it, while the browser would otherwise wait for every one of the 600 kB on each
 * open and after each edit (the grid refetches the matrix). Higher levels would save only a few
 * kB more for two to four times the CPU, on every read. Event streams are left alone:
 * compressing them would hold back each live update in the compressor's buffer.
 */
const compressApiAnswers = compression({
  level: 1,
  brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } },
  filter: (req, res) => !isEventStream(res) && compression.filter(req, res),
});

function isEventStream(res: Response): boolean {
  return String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream');
}

/**
 * The SPA's own files at the default settings (brotli quality 4, gzip level 6): they are the same
 * for everyone and cached by browsers, so they are compressed once per visitor, and the scripts
 * of a first visit shrink from about 1 MB to about 300 kB, which is most of how long a first
 * page takes to show. API paths have their own settings (above).
 */
const compressSpaFiles = compression();

function isApiPath(req: Request): boolean {
  return req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
}

/** The built SPA at /, with its client-side routes falling back to index.html. */
function serveSpa(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req) ? next() : compressSpaFiles(req, res, next),
  );
  app.useStaticAssets(webDist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req) || !req.accepts('html')) return next();
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
