import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { ResponsibilityView } from '../../../lib/api/types';
import { withRowLetters } from '../lib/letters';
import { type Matrix, matrixQueryKey } from './get-matrix';

export type RowLetters = ResponsibilityView['letters'];

export interface SetAssignmentsInput {
  responsibilityId: string;
  /** The row version the change is based on, sent as If-Match. */
  version: number;
  /** The row's complete letters by party id; a party left out holds no letter. */
  letters: RowLetters;
}

/**
 * PUT /api/workspaces/:ws/matrices/:matrixId/responsibilities/:id/assignments with If-Match.
 * 412 when the row changed since `version` was read; the error then carries the row as it is now.
 */
export function setAssignments(
  workspaceId: string,
  matrixId: string,
  { responsibilityId, version, letters }: SetAssignmentsInput,
  { client = apiClient }: RequestOptions = {},
): Promise<ResponsibilityView> {
  return requestData(() =>
    client.PUT('/api/workspaces/{ws}/matrices/{matrixId}/responsibilities/{responsibilityId}/assignments', {
      params: { path: { ws: workspaceId, matrixId, responsibilityId }, header: { 'If-Match': etag(version) } },
      body: { letters },
    }),
  );
}

/** The current row a 412 answer carries, if the error is one. */
export function staleRowOf(error: unknown): ResponsibilityView | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current;
  if (typeof current !== 'object' || current === null) return null;
  const { id, version, letters } = current as Partial<ResponsibilityView>;
  return typeof id === 'string' && typeof version === 'number' && typeof letters === 'object' && letters !== null
    ? (current as ResponsibilityView)
    : null;
}

/** Replaces one row of the cached matrix, leaving the others as they are. */
export function storeRow(
  queryClient: QueryClient,
  workspaceId: string,
  matrixId: string,
  row: ResponsibilityView,
): void {
  queryClient.setQueryData<Matrix>(matrixQueryKey(workspaceId, matrixId), (matrix) =>
    matrix
      ? { ...matrix, responsibilities: matrix.responsibilities.map((item) => (item.id === row.id ? row : item)) }
      : matrix,
  );
}

export const setAssignmentsMutationKey = (workspaceId: string, matrixId: string) =>
  [workspaceId, 'matrices', matrixId, 'set-assignments'] as const;

/**
 * Optimistic: the cell changes in the cache at once. The answer replaces the row (with its new
 * version); a 412 puts back the row as the server has it now, any other error the row as it was.
 * Edits of one matrix run one after another, each sent with the newest version the cache knows,
 * so quick successive edits of a row do not trip over each other's If-Match.
 */
export function useSetAssignments(
  workspaceId: string,
  matrixId: string,
  {
    onRowError,
  }: {
    /** Told about every failed edit (a mutate() callback would hear only of the latest one). */
    onRowError?: (error: unknown, row: ResponsibilityView | undefined) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const key = matrixQueryKey(workspaceId, matrixId);
  const mutationKey = setAssignmentsMutationKey(workspaceId, matrixId);
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join('/') },
    mutationFn: (input: SetAssignmentsInput) => {
      const cached = queryClient
        .getQueryData<Matrix>(key)
        ?.responsibilities.find((row) => row.id === input.responsibilityId);
      const version = Math.max(input.version, cached?.version ?? 0);
      return setAssignments(workspaceId, matrixId, { ...input, version });
    },
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient
        .getQueryData<Matrix>(key)
        ?.responsibilities.find((row) => row.id === input.responsibilityId);
      if (previous) storeRow(queryClient, workspaceId, matrixId, withRowLetters(previous, input.letters));
      return { previous };
    },
    onSuccess: (row) => storeRow(queryClient, workspaceId, matrixId, row),
    onError: (error, _input, context) => {
      const current = staleRowOf(error) ?? context?.previous;
      if (current) storeRow(queryClient, workspaceId, matrixId, current);
      onRowError?.(error, context?.previous);
    },
    // Gaps and the matrix's signable flag depend on every row: ask again once the last edit settled.
    onSettled: () =>
      queryClient.isMutating({ mutationKey }) > 1 ? undefined : queryClient.invalidateQueries({ queryKey: key }),
  });
}
