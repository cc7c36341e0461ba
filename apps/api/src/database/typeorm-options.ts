import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { roleOf } from './roles';

/** Entities are registered here as the domains arrive; one list serves the app, CLI and tests. */
export const entities: DataSourceOptions['entities'] = [];

export interface ConnectionSettings {
  url: string;
  poolSize?: number;
  /** For the owner's connection: the role to grant the application's privileges to. */
  appRole?: string;
}

export function dataSourceOptions({ url, poolSize = 10, appRole }: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    extra: {
      // Bounds the wait for a pooled connection; a database that is down refuses at once anyway,
      // so requests still answer 503 quickly, while a busy pool gets time to serve its queue.
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      application_name: 'accord-api',
      ...(appRole ? { options: `-c accord.app_role=${appRole}` } : {}),
    },
  };
}

export function ownerDataSourceOptions(ownerUrl: string, appUrl: string): DataSourceOptions {
  return dataSourceOptions({ url: ownerUrl, poolSize: 2, appRole: roleOf(appUrl) });
}
