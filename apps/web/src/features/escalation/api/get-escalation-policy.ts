import { type EscalationPolicy } from '@accord/raci';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { matrixQueryKey } from '../../matrices/api/get-matrix';

type PolicyViewDoc = components['schemas']['EscalationPolicyView'];

/**
 * The policy as GET answers it, with the document typed as @accord/raci's EscalationPolicy (the
 * API validates every stored document with that library, so the shapes are the same).
 */
export interface EscalationPolicyView extends Omit<PolicyViewDoc, 'policy'> {
  policy: EscalationPolicy;
}

/**
 * Under the matrix's key: the matrix's live updates (useMatrixEvents) refresh it, and a save of the
 * policy waits for no matrix edit and vice versa.
 */
export const escalationPolicyQueryKey = (workspaceId: string, matrixId: string) =>
  [...matrixQueryKey(workspaceId, matrixId), 'escalation-policy'] as const;

/** GET /api/workspaces/:ws/matrices/:matrixId/escalation-policy: the policy, or the default at version 0. */
export async function getEscalationPolicy(
  workspaceId: string,
  matrixId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<EscalationPolicyView> {
  const view = await requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/escalation-policy', {
      params: { path: { ws: workspaceId, matrixId } },
      // Its ETag is a version: a revalidated browser copy could be an older policy.
      cache: 'no-store',
      signal,
    }),
  );
  return view as EscalationPolicyView;
}

export const escalationPolicyQueryOptions = (workspaceId: string, matrixId: string) =>
  queryOptions({
    queryKey: escalationPolicyQueryKey(workspaceId, matrixId),
    queryFn: ({ signal }) => getEscalationPolicy(workspaceId, matrixId, { signal }),
  });

/**
 * The matrix's escalation policy: `data.policy` is the document (pass it to EscalationPathBadge),
 * `data.version` is 0 until someone saves one, `data.unreviewedPaths` the keys of paths nobody from
 * the MSP has reviewed since they last changed.
 */
export function useEscalationPolicy(
  workspaceId: string,
  matrixId: string,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...escalationPolicyQueryOptions(workspaceId, matrixId), enabled });
}
