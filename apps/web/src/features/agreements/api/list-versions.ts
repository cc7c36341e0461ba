import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { matrixQueryKey } from '../../matrices/api/get-matrix';

export type VersionSummary = components['schemas']['VersionSummaryView'];

/** Every versions query of a matrix (the list, each version, each diff) starts with this key. */
export const versionsQueryKey = (workspaceId: string, matrixId: string) =>
  [...matrixQueryKey(workspaceId, matrixId), 'versions'] as const;

/** GET /api/workspaces/:ws/matrices/:matrixId/versions: newest first, with status and signers. */
export function listVersions(
  workspaceId: string,
  matrixId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<VersionSummary[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/versions', {
      params: { path: { ws: workspaceId, matrixId } },
      cache: 'no-store',
      signal,
    }),
  );
}

export const versionsQueryOptions = (workspaceId: string, matrixId: string) =>
  queryOptions({
    queryKey: [...versionsQueryKey(workspaceId, matrixId), 'list'] as const,
    queryFn: ({ signal }) => listVersions(workspaceId, matrixId, { signal }),
    // Signatures arrive from other browsers.
    refetchInterval: 30_000,
  });

export function useVersions(workspaceId: string, matrixId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...versionsQueryOptions(workspaceId, matrixId), enabled });
}
