import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { TemplateView } from '../../../lib/api/types';

export type Template = TemplateView;

export const templatesQueryKey = (workspaceId: string) => [workspaceId, 'templates'] as const;

/** GET /api/workspaces/:ws/templates: the built-in templates and the workspace's own. */
export function listTemplates(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Template[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/templates', { params: { path: { ws: workspaceId } }, signal }),
  );
}

export const templatesQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: templatesQueryKey(workspaceId),
    queryFn: ({ signal }) => listTemplates(workspaceId, { signal }),
  });

export function useTemplates(workspaceId: string, { enabled = true } = {}) {
  return useQuery({ ...templatesQueryOptions(workspaceId), enabled });
}
