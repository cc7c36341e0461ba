import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { matrixQueryKey } from '../../matrices/api/get-matrix';

export type Claim = components['schemas']['ClaimView'];

/**
 * Under the matrix's key: the matrix's live updates and the edits that invalidate the matrix
 * refresh the claims too, since whether a claim is stale depends on its row.
 */
export const claimsQueryKey = (workspaceId: string, matrixId: string) =>
  [...matrixQueryKey(workspaceId, matrixId), 'claims'] as const;

/** GET /api/workspaces/:ws/matrices/:matrixId/claims: every claim of the matrix, open ones first, newest first. */
export function listClaims(
  workspaceId: string,
  matrixId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Claim[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/claims', {
      params: { path: { ws: workspaceId, matrixId } },
      cache: 'no-store',
      signal,
    }),
  );
}

export const claimsQueryOptions = (workspaceId: string, matrixId: string) =>
  queryOptions({
    queryKey: claimsQueryKey(workspaceId, matrixId),
    queryFn: ({ signal }) => listClaims(workspaceId, matrixId, { signal }),
    // The other side decides in another browser: look again now and then, and on focus.
    refetchInterval: 30_000,
  });

export function useClaims(workspaceId: string, matrixId: string) {
  return useQuery(claimsQueryOptions(workspaceId, matrixId));
}
