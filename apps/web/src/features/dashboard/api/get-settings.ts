import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

export type WorkspaceSettings = components['schemas']['WorkspaceSettingsView'];

export const settingsQueryKey = (workspaceId: string) => [workspaceId, 'settings'] as const;

/** GET /api/workspaces/:ws/settings: the review interval, with the version to send as If-Match. */
export function getSettings(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<WorkspaceSettings> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/settings', { params: { path: { ws: workspaceId } }, cache: 'no-store', signal }),
  );
}

export const settingsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: settingsQueryKey(workspaceId),
    queryFn: ({ signal }) => getSettings(workspaceId, { signal }),
  });

export function useSettings(workspaceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...settingsQueryOptions(workspaceId), enabled });
}
