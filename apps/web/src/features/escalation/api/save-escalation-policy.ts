import { type EscalationPolicy } from '@accord/raci';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { gapsQueryOptions } from '../../matrices/api/list-gaps';
import { escalationPolicyQueryKey, type EscalationPolicyView } from './get-escalation-policy';

export interface SaveEscalationPolicyInput {
  /** The version the edit is based on (0 before the first save), sent as If-Match. */
  version: number;
  policy: EscalationPolicy;
}

/**
 * PUT /api/workspaces/:ws/matrices/:matrixId/escalation-policy with If-Match: replaces the whole
 * policy. 400 names each bad field (`details[].field`, e.g. "paths.0.steps.1.waitMinutes"); 412
 * when someone saved since `version`, with their policy in the error (`stalePolicyOf`).
 */
export async function saveEscalationPolicy(
  workspaceId: string,
  matrixId: string,
  { version, policy }: SaveEscalationPolicyInput,
  { client = apiClient }: RequestOptions = {},
): Promise<EscalationPolicyView> {
  const view = await requestData(() =>
    client.PUT('/api/workspaces/{ws}/matrices/{matrixId}/escalation-policy', {
      params: { path: { ws: workspaceId, matrixId }, header: { 'If-Match': etag(version) } },
      body: policy,
    }),
  );
  return view as EscalationPolicyView;
}

/** The policy as saved by someone else, which a 412 carries; null for any other error. */
export function stalePolicyOf(error: unknown): EscalationPolicyView | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current;
  if (typeof current !== 'object' || current === null) return null;
  const { version, policy } = current as Partial<EscalationPolicyView>;
  return typeof version === 'number' && typeof policy === 'object' && policy !== null
    ? (current as EscalationPolicyView)
    : null;
}

/**
 * Stores a policy the API answered with, and refreshes what depends on it: simulations (under the
 * policy's key) and the gap report (which checks the policy).
 */
export function storePolicy(
  queryClient: QueryClient,
  workspaceId: string,
  matrixId: string,
  view: EscalationPolicyView,
) {
  const key = escalationPolicyQueryKey(workspaceId, matrixId);
  queryClient.setQueryData(key, view);
  void queryClient.invalidateQueries({ queryKey: [...key, 'simulation'] });
  void queryClient.invalidateQueries({ queryKey: gapsQueryOptions(workspaceId, matrixId).queryKey });
}

export function useSaveEscalationPolicy(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Under the matrix's key, so that live updates wait until the save has settled.
    mutationKey: [...escalationPolicyQueryKey(workspaceId, matrixId), 'save'],
    mutationFn: (input: SaveEscalationPolicyInput) => saveEscalationPolicy(workspaceId, matrixId, input),
    onSuccess: (view) => storePolicy(queryClient, workspaceId, matrixId, view),
    onError: (error) => {
      const current = stalePolicyOf(error);
      if (current) storePolicy(queryClient, workspaceId, matrixId, current);
    },
  });
}
