import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Matrix } from './get-matrix';
import { matrixMutationKey, refreshMatrix, staleMatrixOf, storeMatrix } from './matrix-cache';

/**
 * Party changes answer with the whole matrix, which replaces the cached one; a 412 carries the
 * matrix as it is now, which replaces it as well, so the drawer shows the other person's change.
 */
export function usePartyMutation<Input>(
  workspaceId: string,
  matrixId: string,
  action: string,
  send: (input: Input) => Promise<Matrix>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixMutationKey(workspaceId, matrixId, action),
    mutationFn: send,
    onSuccess: (matrix) => storeMatrix(queryClient, workspaceId, matrixId, matrix),
    onError: (error) => {
      const current = staleMatrixOf(error);
      if (current) storeMatrix(queryClient, workspaceId, matrixId, current);
    },
    onSettled: () => refreshMatrix(queryClient, workspaceId, matrixId),
  });
}
