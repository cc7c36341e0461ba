import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import type { ResponsibilityView } from '../../../lib/api/types';
import { type Matrix, matrixQueryKey } from './get-matrix';

/**
 * Every mutation of one matrix has a key starting with the matrix's query key, so "is anything of
 * this matrix being saved?" is one isMutating() call (live updates wait for our own saves).
 */
export const matrixMutationKey = (workspaceId: string, matrixId: string, action: string) =>
  [...matrixQueryKey(workspaceId, matrixId), action] as const;

/** The matrix as a 412 answer carries it (rename, reorder and party changes), if the error is one. */
export function staleMatrixOf(error: unknown): Matrix | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current as Partial<Matrix> | null | undefined;
  return typeof current === 'object' &&
    current !== null &&
    typeof current.id === 'string' &&
    typeof current.version === 'number' &&
    Array.isArray(current.parties) &&
    Array.isArray(current.responsibilities)
    ? (current as Matrix)
    : null;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 404;
}

export function cachedMatrix(queryClient: QueryClient, workspaceId: string, matrixId: string): Matrix | undefined {
  return queryClient.getQueryData<Matrix>(matrixQueryKey(workspaceId, matrixId));
}

export function storeMatrix(queryClient: QueryClient, workspaceId: string, matrixId: string, matrix: Matrix): void {
  queryClient.setQueryData<Matrix>(matrixQueryKey(workspaceId, matrixId), matrix);
}

export function updateMatrix(
  queryClient: QueryClient,
  workspaceId: string,
  matrixId: string,
  change: (matrix: Matrix) => Matrix,
): void {
  queryClient.setQueryData<Matrix>(matrixQueryKey(workspaceId, matrixId), (matrix) =>
    matrix ? change(matrix) : matrix,
  );
}

/** Adds a new row to the cached matrix (or replaces it, should a live refresh have brought it first). */
export function addRow(queryClient: QueryClient, workspaceId: string, matrixId: string, row: ResponsibilityView): void {
  updateMatrix(queryClient, workspaceId, matrixId, (matrix) => ({
    ...matrix,
    responsibilities: [...matrix.responsibilities.filter((item) => item.id !== row.id), row],
    signable: matrix.signable && row.violations.length === 0,
  }));
}

export function removeRow(queryClient: QueryClient, workspaceId: string, matrixId: string, id: string): void {
  updateMatrix(queryClient, workspaceId, matrixId, (matrix) => {
    const responsibilities = matrix.responsibilities.filter((item) => item.id !== id);
    return { ...matrix, responsibilities, signable: responsibilities.every((row) => row.violations.length === 0) };
  });
}

/** Refetches the matrix and what derives from it (the gap report). */
export function refreshMatrix(queryClient: QueryClient, workspaceId: string, matrixId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: matrixQueryKey(workspaceId, matrixId) });
}
