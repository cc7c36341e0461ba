import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** What a transaction may see. Unset fields stay unset, and the policies then admit nothing. */
export interface TxScope {
  workspaceId?: string | null;
  clientId?: string | null;
  userId?: string | null;
}

/**
 * Every query of a request runs inside one of these transactions. The tenant settings are set
 * with set_config(..., true), so they end with the transaction and can never leak to the next
 * user of the pooled connection.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(scope: TxScope, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `SELECT set_config('app.workspace_id', $1, true), set_config('app.client_id', $2, true), set_config('app.user_id', $3, true)`,
        [scope.workspaceId ?? '', scope.clientId ?? '', scope.userId ?? ''],
      );
      return work(tx);
    });
  }
}
