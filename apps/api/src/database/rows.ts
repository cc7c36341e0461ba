import type { PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The rows a statement returned. TypeORM answers UPDATE and DELETE with [rows, affectedCount]
 * rather than the rows, which makes `UPDATE ... RETURNING` easy to misread; this evens it out.
 */
export async function rows<T = Record<string, unknown>>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * Runs `sql` as a named prepared statement on the transaction's own connection: PostgreSQL parses
 * it once per connection and, after a few runs, keeps a plan for it. For the hot writes, whose
 * planning cost about as much as their execution. `name` must be unique to `sql`.
 */
export async function prepared<T = Record<string, unknown>>(tx: EntityManager, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const runner = tx.queryRunner as PostgresQueryRunner | undefined;
  if (!runner) throw new Error('prepared() needs a transaction of TenantDb.run');
  // The runner's own connection (connect() answers the one it holds), where the transaction is.
  const client = (await runner.connect()) as PoolClient;
  return (await client.query<T & QueryResultRow>({ name, text: sql, values: params })).rows;
}
