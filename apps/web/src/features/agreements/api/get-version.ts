import type { AgreementSnapshot } from '@accord/raci';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { dashboardQueryKey } from '../../dashboard/api/get-dashboard';
import { notificationsQueryKey } from '../../notifications/api/list-notifications';
import { versionsQueryKey } from './list-versions';

type VersionViewDoc = components['schemas']['VersionView'];

/**
 * A version as GET answers it, with the snapshot typed as @accord/raci's AgreementSnapshot (the
 * API builds it with that library's agreementSnapshot).
 */
export interface Version extends Omit<VersionViewDoc, 'snapshot'> {
  snapshot: AgreementSnapshot;
}

export const versionQueryKey = (workspaceId: string, matrixId: string, n: number) =>
  [...versionsQueryKey(workspaceId, matrixId), n] as const;

/** GET /api/workspaces/:ws/matrices/:matrixId/versions/:n: snapshot, signatures, and the parties you may sign for now. */
export async function getVersion(
  workspaceId: string,
  matrixId: string,
  n: number,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Version> {
  const view = await requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/versions/{n}', {
      params: { path: { ws: workspaceId, matrixId, n } },
      cache: 'no-store',
      signal,
    }),
  );
  return view as unknown as Version;
}

export const versionQueryOptions = (workspaceId: string, matrixId: string, n: number) =>
  queryOptions({
    queryKey: versionQueryKey(workspaceId, matrixId, n),
    queryFn: ({ signal }) => getVersion(workspaceId, matrixId, n, { signal }),
    refetchInterval: 30_000,
  });

export function useVersion(workspaceId: string, matrixId: string, n: number) {
  return useQuery(versionQueryOptions(workspaceId, matrixId, n));
}

/**
 * After a sign-off step: the version as the API answered it goes into the cache, and everything
 * that counts versions or signatures (the list, the dashboard, the bell) is asked again.
 */
export function storeVersion(queryClient: QueryClient, workspaceId: string, matrixId: string, version: Version): void {
  queryClient.setQueryData(versionQueryKey(workspaceId, matrixId, version.number), version);
  void queryClient.invalidateQueries({ queryKey: versionsQueryKey(workspaceId, matrixId) });
  void queryClient.invalidateQueries({ queryKey: dashboardQueryKey(workspaceId) });
  void queryClient.invalidateQueries({ queryKey: notificationsQueryKey(workspaceId) });
}
