/**
 * Writes the OpenAPI document to a file (apps/api/openapi.json), from which the web app's API
 * types are generated. Preview mode builds the module graph without instantiating providers, so
 * no database is needed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { API_PREFIX } from './app-setup';
import { parseEnv } from './config/env';
import { buildOpenApiDocument } from './openapi';

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'apps/api/openapi.json';
  const env = parseEnv({ ...process.env, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.register({ env, databaseUrl: 'postgres://preview@127.0.0.1:1/preview' }), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
