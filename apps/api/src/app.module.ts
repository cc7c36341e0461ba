import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { type Env } from './config/env';
import { dataSourceOptions } from './database/typeorm-options';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { SessionGuard, TenantGuard } from './common/guards';
import { DatabaseModule } from './database/database.module';
import { EscalationModule } from './escalation/escalation.module';
import { HealthModule } from './health/health.module';
import { MatricesModule } from './matrices/matrices.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TenancyModule } from './tenancy/tenancy.module';

export interface AppOptions {
  env: Env;
  /** The application role's connection, resolved at start (embedded or DATABASE_URL). */
  databaseUrl: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** A caller's X-Request-Id is kept when it looks like one, so a trace can cross services. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

@Module({})
export class AppModule {
  static register({ env, databaseUrl }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: env.LOG_LEVEL,
              genReqId: requestId,
              redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
              customLogLevel: (_req, res, err) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              autoLogging: { ignore: (req) => req.url === '/api/health' },
              // One lean line per request: the id ties it to the error lines and the audit events.
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
            // Written asynchronously: a synchronous write per request line cost the hot paths a
            // system call each; lines still go out in order and are flushed when the process exits.
            pino.destination({ dest: 1, sync: false }),
          ],
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: databaseUrl, poolSize: env.DATABASE_POOL_SIZE }),
          // The database was just migrated, so a failure here is real: report it, do not retry for half a minute.
          retryAttempts: 0,
        }),
        DatabaseModule.register(databaseUrl),
        HealthModule,
        AuditModule,
        AuthModule,
        TenancyModule,
        MatricesModule,
        EscalationModule,
        NotificationsModule,
        AgreementsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // In this order: who is signed in, then what they may do in the workspace of the path.
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: TenantGuard },
      ],
    };
  }
}
