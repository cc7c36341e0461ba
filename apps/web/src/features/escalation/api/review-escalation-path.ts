import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { escalationPolicyQueryKey, type EscalationPolicyView } from './get-escalation-policy';
import { stalePolicyOf, storePolicy } from './save-escalation-policy';

export interface ReviewPathInput {
  pathKey: string;
  /** The saved version the reviewer looked at, sent as If-Match. */
  version: number;
}

/**
 * POST /api/workspaces/:ws/matrices/:matrixId/escalation-policy/paths/:pathKey/review: an MSP role
 * vouches for a saved path as it stands (permission 'escalation.review'). 412 when the policy was
 * saved since `version`: the reviewer must look at the path as it is now.
 */
export async function reviewEscalationPath(
  workspaceId: string,
  matrixId: string,
  { pathKey, version }: ReviewPathInput,
  { client = apiClient }: RequestOptions = {},
): Promise<EscalationPolicyView> {
  const view = await requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/escalation-policy/paths/{pathKey}/review', {
      params: { path: { ws: workspaceId, matrixId, pathKey }, header: { 'If-Match': etag(version) } },
    }),
  );
  return view as EscalationPolicyView;
}

export function useReviewEscalationPath(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...escalationPolicyQueryKey(workspaceId, matrixId), 'review'],
    mutationFn: (input: ReviewPathInput) => reviewEscalationPath(workspaceId, matrixId, input),
    onSuccess: (view) => storePolicy(queryClient, workspaceId, matrixId, view),
    onError: (error) => {
      const current = stalePolicyOf(error);
      if (current) storePolicy(queryClient, workspaceId, matrixId, current);
    },
  });
}
