import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { type Client, clientsQueryKey } from './list-clients';

export interface UpdateClientInput {
  clientId: string;
  /** The version the change is based on, sent as If-Match. */
  version: number;
  name?: string;
  /** true archives, false restores. */
  archived?: boolean;
}

/**
 * PATCH /api/workspaces/:ws/clients/:clientId with If-Match. 412 when someone changed the client
 * since `version` was read; the error then carries the client as it is now (`staleClientOf`).
 */
export function updateClient(
  workspaceId: string,
  { clientId, version, name, archived }: UpdateClientInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Client> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/clients/{clientId}', {
      params: { path: { ws: workspaceId, clientId }, header: { 'If-Match': etag(version) } },
      body: { name, archived },
    }),
  );
}

/** The current client a 412 answer carries, if the error is one. */
export function staleClientOf(error: unknown): Client | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current;
  if (typeof current !== 'object' || current === null) return null;
  const { id, name, version } = current as Partial<Client>;
  return typeof id === 'string' && typeof name === 'string' && typeof version === 'number' ? (current as Client) : null;
}

/** Puts the client as the API has it now into every cached clients list of the workspace. */
export function storeClient(queryClient: QueryClient, workspaceId: string, updated: Client): void {
  queryClient.setQueriesData<Client[]>({ queryKey: clientsQueryKey(workspaceId) }, (list) =>
    list?.map((item) => (item.id === updated.id ? updated : item)),
  );
}

export function useUpdateClient(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateClientInput) => updateClient(workspaceId, input),
    onSuccess: (updated) => {
      storeClient(queryClient, workspaceId, updated);
      return queryClient.invalidateQueries({ queryKey: clientsQueryKey(workspaceId) });
    },
    onError: (error) => {
      const current = staleClientOf(error);
      if (current) storeClient(queryClient, workspaceId, current);
    },
  });
}
