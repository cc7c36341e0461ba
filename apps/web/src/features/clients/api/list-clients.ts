import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { type ClientView, isArchivedClient } from '../../../lib/api/types';

export type Client = ClientView;

/** Every clients query of a workspace starts with this key; mutations invalidate it. */
export const clientsQueryKey = (workspaceId: string) => [workspaceId, 'clients'] as const;

/**
 * GET /api/workspaces/:ws/clients: active clients by name, or with `includeArchived` the archived
 * ones too. Client users get their own client only.
 */
export function listClients(
  workspaceId: string,
  includeArchived: boolean,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Client[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/clients', {
      params: { path: { ws: workspaceId }, query: { archived: includeArchived } },
      signal,
    }),
  );
}

export const clientsQueryOptions = (workspaceId: string, includeArchived = false) =>
  queryOptions({
    queryKey: [...clientsQueryKey(workspaceId), { includeArchived }] as const,
    queryFn: ({ signal }) => listClients(workspaceId, includeArchived, { signal }),
  });

export function useClients(workspaceId: string, { includeArchived = false, enabled = true } = {}) {
  return useQuery({ ...clientsQueryOptions(workspaceId, includeArchived), enabled });
}

export const isArchived = isArchivedClient;
