import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { matrixQueryKey } from '../../matrices/api/get-matrix';
import { dashboardQueryKey } from '../../dashboard/api/get-dashboard';
import { type Claim, claimsQueryKey } from './list-claims';

export type AcceptedClaim = components['schemas']['AcceptedClaimView'];

export interface DecideClaimInput {
  claimId: string;
  /** The claim version read, sent as If-Match. */
  version: number;
}

/**
 * POST .../claims/:claimId/accept with If-Match: the claim's letters go into the draft. 409 when
 * the row changed since the claim was made (the error's `current` is the claim, stale, with
 * `changedSince`) or the claim was decided already; 412 when the claim changed since it was read;
 * 403 for the side that made it.
 */
export function acceptClaim(
  workspaceId: string,
  matrixId: string,
  { claimId, version }: DecideClaimInput,
  { client = apiClient }: RequestOptions = {},
): Promise<AcceptedClaim> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/claims/{claimId}/accept', {
      params: { path: { ws: workspaceId, matrixId, claimId }, header: { 'If-Match': etag(version) } },
    }),
  );
}

/** The claim as it is now, carried by a 409 or 412 answer to accept or decline. */
export function currentClaimOf(error: unknown): Claim | null {
  if (!(error instanceof ApiError) || (error.statusCode !== 409 && error.statusCode !== 412)) return null;
  const current = error.current;
  if (typeof current !== 'object' || current === null) return null;
  const { id, state, version, changedSince } = current as Partial<Claim>;
  return typeof id === 'string' &&
    typeof state === 'string' &&
    typeof version === 'number' &&
    Array.isArray(changedSince)
    ? (current as Claim)
    : null;
}

/** Replaces one claim in the cached list. */
export function storeClaim(queryClient: QueryClient, workspaceId: string, matrixId: string, claim: Claim): void {
  queryClient.setQueryData<Claim[]>(claimsQueryKey(workspaceId, matrixId), (claims) =>
    claims?.map((item) => (item.id === claim.id ? claim : item)),
  );
}

/**
 * Optimistic: the claim moves to "accepted" at once. A refusal puts it back, as the API has it now
 * when the answer carries it (a stale row: the card then says what changed since).
 */
export function useAcceptClaim(workspaceId: string, matrixId: string, decidedBy: { id: string; name: string }) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(workspaceId, matrixId);
  return useMutation({
    mutationKey: [...key, 'accept'],
    mutationFn: (input: DecideClaimInput) => acceptClaim(workspaceId, matrixId, input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<Claim[]>(key)?.find((claim) => claim.id === input.claimId);
      if (previous) {
        storeClaim(queryClient, workspaceId, matrixId, {
          ...previous,
          state: 'accepted',
          decidedBy,
          decidedAt: new Date().toISOString(),
        });
      }
      return { previous };
    },
    onSuccess: ({ claim }) => storeClaim(queryClient, workspaceId, matrixId, claim),
    onError: (error, _input, context) => {
      const current = currentClaimOf(error) ?? context?.previous;
      if (current) storeClaim(queryClient, workspaceId, matrixId, current);
    },
    onSettled: () => {
      // The row's letters changed (or someone else's did): the matrix, its gaps and claims follow.
      void queryClient.invalidateQueries({ queryKey: matrixQueryKey(workspaceId, matrixId) });
      void queryClient.invalidateQueries({ queryKey: dashboardQueryKey(workspaceId) });
    },
  });
}
