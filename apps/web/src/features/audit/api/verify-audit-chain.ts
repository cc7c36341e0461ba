import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { auditQueryKey } from './list-audit-events';

export type ChainVerdict = components['schemas']['AuditVerifyView'];

/** GET /api/workspaces/:ws/audit-events/verify: recomputes the workspace's hash chain. */
export function verifyAuditChain(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<ChainVerdict> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/audit-events/verify', { params: { path: { ws: workspaceId } }, signal }),
  );
}

export const auditChainQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: [...auditQueryKey(workspaceId), 'verify'] as const,
    queryFn: ({ signal }) => verifyAuditChain(workspaceId, { signal }),
    staleTime: 0,
  });

export function useAuditChain(workspaceId: string) {
  return useQuery(auditChainQueryOptions(workspaceId));
}
