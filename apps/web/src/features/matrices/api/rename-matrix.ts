import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { Matrix } from './get-matrix';
import { clientMatricesQueryKey } from './list-matrices';
import { matrixMutationKey, staleMatrixOf, storeMatrix, updateMatrix } from './matrix-cache';

export interface RenameMatrixInput {
  name: string;
  /** The matrix version the person saw, sent as If-Match. */
  version: number;
}

/** PATCH /api/workspaces/:ws/matrices/:matrixId with If-Match: renames the matrix. */
export function renameMatrix(
  workspaceId: string,
  matrixId: string,
  { name, version }: RenameMatrixInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/matrices/{matrixId}', {
      params: { path: { ws: workspaceId, matrixId }, header: { 'If-Match': etag(version) } },
      body: { name },
    }),
  );
}

/** A 412 puts the matrix as it is now in the cache, so the form can show the other name. */
export function useRenameMatrix(workspaceId: string, matrixId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixMutationKey(workspaceId, matrixId, 'rename'),
    mutationFn: (input: RenameMatrixInput) => renameMatrix(workspaceId, matrixId, input),
    onSuccess: (matrix) => {
      updateMatrix(queryClient, workspaceId, matrixId, (cached) => ({
        ...cached,
        name: matrix.name,
        version: matrix.version,
        updatedAt: matrix.updatedAt,
      }));
      void queryClient.invalidateQueries({ queryKey: clientMatricesQueryKey(workspaceId, clientId) });
    },
    onError: (error) => {
      const current = staleMatrixOf(error);
      if (current) storeMatrix(queryClient, workspaceId, matrixId, current);
    },
  });
}
