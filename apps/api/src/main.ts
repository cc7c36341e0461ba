import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { type Env, InvalidEnvironmentError, parseEnv } from './config/env';
import { type ResolvedDatabase, resolveDatabase } from './database/connection';
import { runMigrations } from './database/migrate';
import { demoSeeds, runSeeds } from './database/seed';

const DEMO_SIGN_INS = [
  ['alex@northwind.example', 'MSP admin, Northwind IT Services'],
  ['sam@northwind.example', 'MSP engineer, Northwind IT Services'],
  ['ida@harbordental.example', 'internal IT admin, Harbor Dental'],
  ['olivia@harbordental.example', 'business owner, Harbor Dental'],
  ['omar@summitlogistics.example', 'business owner, Summit Logistics'],
  ['bea@bluepeak.example', 'MSP admin, Bluepeak Managed IT'],
];

function seedDemo(env: Env, db: ResolvedDatabase): boolean {
  return (env.SEED_DEMO ?? Boolean(db.embedded)) && demoSeeds.length > 0;
}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function bootstrap(): Promise<void> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let db: ResolvedDatabase | undefined;
  let app: NestExpressApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: do not wait for in-flight requests, but never leave the database running.
      db?.embedded?.stopSync();
      process.exit(130);
    }
    stopping = true;
    say(`\n${signal}: finishing in-flight requests and stopping…`);
    try {
      await app?.close();
    } finally {
      await db?.embedded?.stop();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    db = await resolveDatabase(env, (m) => say(`[database] ${m}`));
    if (env.MIGRATE_ON_START) {
      const applied = await runMigrations(db.ownerUrl, db.appUrl);
      if (applied.length) say(`[database] migrations applied: ${applied.join(', ')}`);
    }
    if (seedDemo(env, db)) await runSeeds(db.ownerUrl, db.appUrl, demoSeeds);

    app = await NestFactory.create<NestExpressApplication>(AppModule.register({ env, databaseUrl: db.appUrl }), { bufferLogs: true });
    configureApp(app, env);
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    process.stderr.write(`Accord could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await app?.close().catch(() => undefined);
    await db?.embedded?.stop();
    process.exit(1);
  }

  const url = `http://localhost:${env.PORT}`;
  say(`\nAccord is running at ${url}`);
  say(`  API ${url}/api    OpenAPI ${url}/api/docs`);
  if (seedDemo(env, db)) {
    say('  Demo sign-ins (password accord-demo-2026):');
    for (const [email, who] of DEMO_SIGN_INS) say(`    ${email.padEnd(30)} ${who}`);
  }
  say('Press Ctrl-C to stop.');
}

void bootstrap();
