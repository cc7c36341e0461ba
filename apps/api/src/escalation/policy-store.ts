import { defaultEscalationPolicy, type EscalationPolicy, type MatrixContent } from '@accord/raci';
import type { EntityManager } from 'typeorm';

/** A matrix's policy as stored; version 0 and the default policy until someone first saves one. */
export interface StoredPolicy {
  policy: EscalationPolicy;
  version: number;
  updatedAt: Date | null;
  saved: boolean;
}

/** One query. The default is computed, not stored, so a matrix nobody has touched costs nothing. */
export async function readPolicy(tx: EntityManager, workspaceId: string, matrixId: string, content: MatrixContent): Promise<StoredPolicy> {
  const [row]: { document: EscalationPolicy; version: number; updated_at: Date }[] = await tx.query(
    `SELECT document, version, updated_at FROM escalation_policies WHERE workspace_id = $1 AND matrix_id = $2`,
    [workspaceId, matrixId],
  );
  if (!row) return { policy: defaultEscalationPolicy(content), version: 0, updatedAt: null, saved: false };
  return { policy: row.document, version: row.version, updatedAt: row.updated_at, saved: true };
}

/** Paths whose review was cleared by a change, or never given. */
export function unreviewedPaths(policy: EscalationPolicy): string[] {
  return policy.paths.filter((path) => path.review === null).map((path) => path.key);
}
