import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { asOwner } from './test-database-server';

/**
 * The chain rule as DESIGN.md states it, sha256(prev_hash || canonical_json(event)), computed in
 * Node, apart from the database: the oracle the specs hold PostgreSQL's audit_chain_hash to.
 */
export function chainHashInNode(prevHash: string, body: string): string {
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Runs `work` as the owner with the append-only trigger off, in one transaction, as someone with
 * the keys to the database could: how the specs tamper with a chain.
 */
export function behindTheApp(ownerUrl: string, work: (c: Client) => Promise<unknown>): Promise<void> {
  return asOwner(ownerUrl, async (c) => {
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    try {
      await work(c);
      await c.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  });
}
