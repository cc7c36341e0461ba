import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returned. TypeORM answers UPDATE and DELETE with [rows, affectedCount]
 * rather than the rows, which makes `UPDATE ... RETURNING` easy to misread; this evens it out.
 */
export async function rows<T = Record<string, unknown>>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
