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
  const policy = (await readPolicies(tx, workspaceId, new Map([[matrixId, content]]))).get(matrixId);
  if (!policy) throw new Error('readPolicies answers every matrix it is given');
  return policy;
}

/** The policies of several matrices in one query, by matrix id; `contents` gives each one's default. */
export async function readPolicies(tx: EntityManager, workspaceId: string, contents: Map<string, MatrixContent>): Promise<Map<string, StoredPolicy>> {
  const byId = new Map<string, StoredPolicy>();
  if (!contents.size) return byId;
  const saved: { matrix_id: string; document: EscalationPolicy; version: number; updated_at: Date }[] = await tx.query(
    `SELECT matrix_id, document, version, updated_at FROM escalation_policies WHERE workspace_id = $1 AND matrix_id = ANY($2::uuid[])`,
    [workspaceId, [...contents.keys()]],
  );
  for (const row of saved) byId.set(row.matrix_id, { policy: row.document, version: row.version, updatedAt: row.updated_at, saved: true });
  for (const [matrixId, content] of contents)
    if (!byId.has(matrixId)) byId.set(matrixId, { policy: defaultEscalationPolicy(content), version: 0, updatedAt: null, saved: false });
  return byId;
}

/** Paths whose review was cleared by a change, or never given. */
export function unreviewedPaths(policy: EscalationPolicy): string[] {
  return policy.paths.filter((path) => path.review === null).map((path) => path.key);
}
