import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { dashboardQueryKey } from '../../dashboard/api/get-dashboard';
import { currentClaimOf, type DecideClaimInput, storeClaim } from './accept-claim';
import { type Claim, claimsQueryKey } from './list-claims';

export interface DeclineClaimInput extends DecideClaimInput {
  reason: string;
}

/** POST .../claims/:claimId/decline {reason} with If-Match; 412 when the claim changed since it was read. */
export function declineClaim(
  workspaceId: string,
  matrixId: string,
  { claimId, version, reason }: DeclineClaimInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Claim> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/claims/{claimId}/decline', {
      params: { path: { ws: workspaceId, matrixId, claimId }, header: { 'If-Match': etag(version) } },
      body: { reason },
    }),
  );
}

export function useDeclineClaim(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclineClaimInput) => declineClaim(workspaceId, matrixId, input),
    onSuccess: (claim) => storeClaim(queryClient, workspaceId, matrixId, claim),
    onError: (error) => {
      const current = currentClaimOf(error);
      if (current) storeClaim(queryClient, workspaceId, matrixId, current);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: claimsQueryKey(workspaceId, matrixId) });
      void queryClient.invalidateQueries({ queryKey: dashboardQueryKey(workspaceId) });
    },
  });
}
