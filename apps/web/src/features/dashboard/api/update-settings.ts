import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { dashboardQueryKey } from './get-dashboard';
import { settingsQueryKey, type WorkspaceSettings } from './get-settings';

export interface UpdateSettingsInput {
  reviewIntervalDays: number;
  /** The settings version read, sent as If-Match. */
  version: number;
}

/**
 * PATCH /api/workspaces/:ws/settings with If-Match (permission 'workspace.manage'). 412 when someone
 * changed the settings since `version` was read; the error then carries them as they are now.
 */
export function updateSettings(
  workspaceId: string,
  { reviewIntervalDays, version }: UpdateSettingsInput,
  { client = apiClient }: RequestOptions = {},
): Promise<WorkspaceSettings> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/settings', {
      params: { path: { ws: workspaceId }, header: { 'If-Match': etag(version) } },
      body: { reviewIntervalDays },
    }),
  );
}

/** The settings a 412 answer carries, if the error is one. */
export function staleSettingsOf(error: unknown): WorkspaceSettings | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current as Partial<WorkspaceSettings> | null | undefined;
  return current && typeof current.reviewIntervalDays === 'number' && typeof current.version === 'number'
    ? (current as WorkspaceSettings)
    : null;
}

export function useUpdateSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => updateSettings(workspaceId, input),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey(workspaceId), settings);
      // Every review date moves with the interval.
      void queryClient.invalidateQueries({ queryKey: dashboardQueryKey(workspaceId) });
    },
    onError: (error) => {
      const current = staleSettingsOf(error);
      if (current) queryClient.setQueryData(settingsQueryKey(workspaceId), current);
    },
  });
}
