import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

export type Dashboard = components['schemas']['DashboardView'];
export type DashboardClient = components['schemas']['DashboardClientView'];
export type DashboardMatrix = components['schemas']['DashboardMatrixView'];

/** Claims, sign-offs and settings change what the dashboard counts: they invalidate this key. */
export const dashboardQueryKey = (workspaceId: string) => [workspaceId, 'dashboard'] as const;

/**
 * GET /api/workspaces/:ws/dashboard: per client and matrix, the agreement in effect (and when it is
 * due for review), the pending sign-off, open claims and gaps. A client user gets their own client.
 */
export function getDashboard(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Dashboard> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/dashboard', { params: { path: { ws: workspaceId } }, cache: 'no-store', signal }),
  );
}

export const dashboardQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: dashboardQueryKey(workspaceId),
    queryFn: ({ signal }) => getDashboard(workspaceId, { signal }),
    refetchInterval: 60_000,
  });

export function useDashboard(workspaceId: string) {
  return useQuery(dashboardQueryOptions(workspaceId));
}
