import type { ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { parseEnv } from '../../src/config/env';
import { createTestDatabase, type TestDatabase } from './test-database-server';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Use this database instead of a fresh one from the template. */
  db?: TestDatabase;
  /** Extra modules for probing the app from inside (e.g. a route that queries the database). */
  imports?: ModuleMetadata['imports'];
  env?: Record<string, string>;
}

/** The real app, configured as main.ts configures it, on a database of this test file's own. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent', WEB_DIST: '/nonexistent', ...options.env });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ env, databaseUrl: db.appUrl }), ...(options.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, env);
  await app.init();
  return {
    app,
    db,
    http: request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
