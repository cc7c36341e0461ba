import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { dashboardQueryKey } from '../../dashboard/api/get-dashboard';
import type { LettersById } from '../lib/claims';
import { type Claim, claimsQueryKey } from './list-claims';

export interface CreateClaimInput {
  responsibilityId: string;
  /** The row's complete proposed letters by party id; a party left out holds no letter. */
  letters: LettersById;
  reason: string;
}

/**
 * POST /api/workspaces/:ws/matrices/:matrixId/claims (permission 'claims.propose'). 422 when the
 * letters break a RACI rule, 400 naming the field for anything else wrong.
 */
export function createClaim(
  workspaceId: string,
  matrixId: string,
  input: CreateClaimInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Claim> {
  const letters = Object.fromEntries(
    Object.entries(input.letters).filter(([, letter]) => letter !== undefined),
  ) as Record<string, 'R' | 'A' | 'C' | 'I'>;
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/claims', {
      params: { path: { ws: workspaceId, matrixId } },
      body: { responsibilityId: input.responsibilityId, letters, reason: input.reason },
    }),
  );
}

export function useCreateClaim(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(workspaceId, matrixId);
  return useMutation({
    mutationFn: (input: CreateClaimInput) => createClaim(workspaceId, matrixId, input),
    onSuccess: (claim) => {
      // Open claims come first, newest first: the new one leads the list at once.
      queryClient.setQueryData<Claim[]>(key, (claims) => (claims ? [claim, ...claims] : claims));
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: dashboardQueryKey(workspaceId) });
    },
  });
}
