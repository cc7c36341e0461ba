import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { versionQueryKey } from './get-version';

export type VersionDiff = components['schemas']['VersionDiffView'];

/**
 * GET .../versions/:n/diff?against=m: what changed, in plain words. Without `against`, against the
 * agreement in effect before n, else the previous version; `against` null in the answer means n is
 * the first version.
 */
export function getVersionDiff(
  workspaceId: string,
  matrixId: string,
  n: number,
  against: number | undefined,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<VersionDiff> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/versions/{n}/diff', {
      params: { path: { ws: workspaceId, matrixId, n }, query: against === undefined ? {} : { against } },
      signal,
    }),
  );
}

export const versionDiffQueryOptions = (workspaceId: string, matrixId: string, n: number, against?: number) =>
  queryOptions({
    queryKey: [...versionQueryKey(workspaceId, matrixId, n), 'diff', against ?? 'default'] as const,
    queryFn: ({ signal }) => getVersionDiff(workspaceId, matrixId, n, against, { signal }),
    // Versions never change; only which one is in effect does, and a new approval refetches the page.
    staleTime: 5 * 60_000,
  });

export function useVersionDiff(workspaceId: string, matrixId: string, n: number, against?: number) {
  return useQuery(versionDiffQueryOptions(workspaceId, matrixId, n, against));
}
