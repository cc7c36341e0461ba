import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { withOrder } from '../lib/reorder';
import { type Matrix, matrixQueryKey } from './get-matrix';
import {
  cachedMatrix,
  matrixMutationKey,
  refreshMatrix,
  staleMatrixOf,
  storeMatrix,
  updateMatrix,
} from './matrix-cache';

export interface ReorderInput {
  /** Every row id of the matrix, in the new order. */
  order: string[];
  /** The matrix version the order is based on, sent as If-Match. */
  version: number;
}

/**
 * POST /api/workspaces/:ws/matrices/:matrixId/responsibilities/reorder with If-Match (the matrix
 * version). 412 with the current matrix when its structure changed since; 400 when the order does
 * not name every row once (someone added or deleted a row meanwhile).
 */
export function reorderResponsibilities(
  workspaceId: string,
  matrixId: string,
  { order, version }: ReorderInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/responsibilities/reorder', {
      params: { path: { ws: workspaceId, matrixId }, header: { 'If-Match': etag(version) } },
      body: { order },
    }),
  );
}

/** A queued move dropped because an earlier one failed: it was based on an order that is gone. */
export class MoveSkipped extends Error {
  override readonly name = 'MoveSkipped';
}

/**
 * Moves rows, optimistically: the grid shows the new order at once. Moves of one matrix are sent
 * one after another, each with the newest matrix version the cache knows. When one fails, the
 * grid shows the server's order again (a 412 brings it along), and moves queued behind it are
 * dropped rather than replayed over someone else's order.
 */
export function useReorderResponsibilities(
  workspaceId: string,
  matrixId: string,
  { onMoveError }: { onMoveError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  const key = matrixQueryKey(workspaceId, matrixId);
  const mutationKey = matrixMutationKey(workspaceId, matrixId, 'reorder');
  const issued = useRef(0);
  const droppedThrough = useRef(0);
  const mutation = useMutation({
    mutationKey,
    scope: { id: mutationKey.join('/') },
    mutationFn: ({ order, seq }: { order: string[]; seq: number }) => {
      if (seq <= droppedThrough.current) return Promise.reject(new MoveSkipped());
      const version = cachedMatrix(queryClient, workspaceId, matrixId)?.version ?? 0;
      return reorderResponsibilities(workspaceId, matrixId, { order, version });
    },
    onMutate: async ({ order }) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = cachedMatrix(queryClient, workspaceId, matrixId);
      updateMatrix(queryClient, workspaceId, matrixId, (matrix) => ({
        ...matrix,
        responsibilities: withOrder(matrix.responsibilities, order),
      }));
      return { previous };
    },
    onSuccess: (matrix) => {
      // Keep the rows we have (a letter may be on its way) and take the positions and version.
      const positions = new Map(matrix.responsibilities.map((row) => [row.id, row.position]));
      updateMatrix(queryClient, workspaceId, matrixId, (cached) => ({
        ...cached,
        version: Math.max(cached.version, matrix.version),
        updatedAt: matrix.updatedAt,
        responsibilities: cached.responsibilities.map((row) => {
          const position = positions.get(row.id);
          return position === undefined || position === row.position ? row : { ...row, position };
        }),
      }));
    },
    onError: (error, _input, context) => {
      if (error instanceof MoveSkipped) return;
      droppedThrough.current = issued.current;
      const current = staleMatrixOf(error);
      if (current) storeMatrix(queryClient, workspaceId, matrixId, current);
      else if (context?.previous) storeMatrix(queryClient, workspaceId, matrixId, context.previous);
      onMoveError?.(error);
    },
    onSettled: () =>
      queryClient.isMutating({ mutationKey }) > 1 ? undefined : refreshMatrix(queryClient, workspaceId, matrixId),
  });
  const { mutate } = mutation;
  /** Sends the matrix's complete new order. */
  const move = useCallback(
    (order: string[]) => {
      issued.current += 1;
      mutate({ order, seq: issued.current });
    },
    [mutate],
  );
  return { ...mutation, move };
}
