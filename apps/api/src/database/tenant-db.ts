import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** What a transaction may see. Unset fields stay unset, and the policies then admit nothing. */
export interface TxScope {
  workspaceId?: string | null;
  clientId?: string | null;
  userId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID (or nothing) as an SQL literal, for statements sent without parameters. Anything else
 * throws, so inlining the result is safe.
 */
export function uuidLiteral(value: string | null | undefined): string {
  if (!value) return "''";
  if (!UUID.test(value)) throw new Error('a tenant scope value must be a UUID');
  return `'${value.toLowerCase()}'`;
}

/** The statement that sets a scope for the rest of its transaction. */
export function scopeStatement(scope: TxScope): string {
  return (
    `SELECT set_config('app.workspace_id', ${uuidLiteral(scope.workspaceId)}, true), ` +
    `set_config('app.client_id', ${uuidLiteral(scope.clientId)}, true), set_config('app.user_id', ${uuidLiteral(scope.userId)}, true)`
  );
}

const afterCommit = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs `effect` once the transaction of `tx` has committed, and never when it rolls back: for
 * what must not happen before the change is visible to others (live-update announcements).
 */
export function onCommit(tx: EntityManager, effect: () => void): void {
  const effects = afterCommit.get(tx);
  if (!effects) throw new Error('onCommit needs a transaction of TenantDb.run');
  effects.push(effect);
}

/**
 * Every query of a request runs inside one of these transactions. The tenant settings are set
 * with set_config(..., true), so they end with the transaction and can never leak to the next
 * user of the pooled connection.
 *
 * BEGIN and the settings go to the server as one simple-protocol message (the values are checked
 * UUIDs, inlined): one round trip instead of two for every transaction, which the hot paths feel.
 */
@Injectable()
export class TenantDb {
  private readonly pool: Pool;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  async run<T>(scope: TxScope, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    // The runner's connection itself for BEGIN and COMMIT: TypeORM's query() adds nothing these
    // need, and every request of the hot paths pays for two of them.
    const client = (await runner.connect()) as PoolClient;
    const effects: (() => void)[] = [];
    afterCommit.set(runner.manager, effects);
    try {
      await client.query(`BEGIN; ${scopeStatement(scope)}`);
      let result: T;
      try {
        result = await work(runner.manager);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await client.query('COMMIT');
      for (const effect of effects) effect();
      return result;
    } finally {
      afterCommit.delete(runner.manager);
      await runner.release();
    }
  }

  /**
   * The tenant guard's look-up (app_resolve_request): one prepared statement, so PostgreSQL plans
   * it once per connection. `ids` in GUARDED_IDS order, null where the path has none.
   */
  async resolveRequest<R>(sessionId: string | null, userId: string | null, workspaceId: string, ids: (string | null)[]): Promise<R | undefined> {
    const { rows } = await this.pool.query({
      name: 'accord_resolve_request',
      text: `SELECT * FROM app_resolve_request($1, $2, $3, ${ids.map((_, i) => `$${i + 4}`).join(', ')})`,
      values: [sessionId, userId, workspaceId, ...ids],
    });
    return rows[0] as R | undefined;
  }

  /**
   * A read in one round trip: the scope and `sql` sent as one simple-protocol message, which
   * PostgreSQL runs as one implicit transaction (the settings last until its end, an error rolls
   * it all back). `sql` takes no parameters: inline values with uuidLiteral. For the hot reads,
   * where BEGIN, the statement and COMMIT as three messages cost more than the work itself.
   * Answers the rows of each statement after the scope's.
   */
  async once<R = Record<string, unknown>>(scope: TxScope, sql: string): Promise<R[][]> {
    const results = (await this.pool.query(`${scopeStatement(scope)}; ${sql}`)) as unknown as QueryResult[];
    return results.slice(1).map((result) => result.rows as R[]);
  }
}
