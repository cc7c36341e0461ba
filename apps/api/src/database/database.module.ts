import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TenantDb } from './tenant-db';
import { DATABASE_URL } from './tokens';

@Global()
@Module({ providers: [TenantDb], exports: [TenantDb] })
export class DatabaseModule {
  static register(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [TenantDb, { provide: DATABASE_URL, useValue: databaseUrl }],
      exports: [TenantDb, DATABASE_URL],
    };
  }
}
