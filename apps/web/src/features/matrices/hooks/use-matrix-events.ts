import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { matrixQueryKey } from '../api/get-matrix';

/** The server-sent event types of GET /api/workspaces/:ws/matrices/:matrixId/events. */
export const MATRIX_EVENT_TYPES = [
  'responsibility.changed',
  'responsibility.created',
  'responsibility.deleted',
  'matrix.changed',
] as const;

/**
 * Live updates: every change to the matrix (by anyone, in any tab) refetches the matrix and its
 * gaps. While one of our own edits of this matrix is in flight (letters, rows, order, parties:
 * their mutation keys start with the matrix's key) the refetch waits for it (its onSettled
 * refetches), so an older answer cannot overwrite an optimistic change.
 */
export function useMatrixEvents(workspaceId: string, matrixId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(
      `/api/workspaces/${encodeURIComponent(workspaceId)}/matrices/${encodeURIComponent(matrixId)}/events`,
      { withCredentials: true },
    );
    const refresh = () => {
      if (queryClient.isMutating({ mutationKey: matrixQueryKey(workspaceId, matrixId) }) > 0) return;
      void queryClient.invalidateQueries({ queryKey: matrixQueryKey(workspaceId, matrixId) });
    };
    for (const type of MATRIX_EVENT_TYPES) source.addEventListener(type, refresh);
    return () => source.close();
  }, [queryClient, workspaceId, matrixId]);
}
