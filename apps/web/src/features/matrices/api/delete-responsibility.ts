import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestNoContent } from '../../../lib/api/request';
import { isNotFound, matrixMutationKey, refreshMatrix, removeRow } from './matrix-cache';
import { staleRowOf, storeRow } from './set-assignments';

export interface DeleteResponsibilityInput {
  responsibilityId: string;
  /** The row version the person saw when they confirmed, sent as If-Match. */
  version: number;
}

/** DELETE /api/workspaces/:ws/matrices/:matrixId/responsibilities/:id with If-Match; 204. */
export function deleteResponsibility(
  workspaceId: string,
  matrixId: string,
  { responsibilityId, version }: DeleteResponsibilityInput,
  { client = apiClient }: RequestOptions = {},
): Promise<void> {
  return requestNoContent(() =>
    client.DELETE('/api/workspaces/{ws}/matrices/{matrixId}/responsibilities/{responsibilityId}', {
      params: { path: { ws: workspaceId, matrixId, responsibilityId }, header: { 'If-Match': etag(version) } },
    }),
  );
}

/**
 * Deletes after the person confirmed. A row someone changed in the meantime is not deleted: the
 * 412 puts their version in the grid so the person can look before confirming again. A row that
 * is already gone leaves the grid too.
 */
export function useDeleteResponsibility(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixMutationKey(workspaceId, matrixId, 'delete-responsibility'),
    mutationFn: (input: DeleteResponsibilityInput) => deleteResponsibility(workspaceId, matrixId, input),
    onSuccess: (_data, input) => removeRow(queryClient, workspaceId, matrixId, input.responsibilityId),
    onError: (error, input) => {
      const current = staleRowOf(error);
      if (current) storeRow(queryClient, workspaceId, matrixId, current);
      else if (isNotFound(error)) removeRow(queryClient, workspaceId, matrixId, input.responsibilityId);
    },
    onSettled: () => refreshMatrix(queryClient, workspaceId, matrixId),
  });
}
