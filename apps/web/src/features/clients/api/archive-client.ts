import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { type Client, clientsQueryKey } from './list-clients';
import { staleClientOf, storeClient } from './update-client';

/** DELETE /api/workspaces/:ws/clients/:clientId with If-Match: archives (matrices and history stay). */
export function archiveClient(
  workspaceId: string,
  { clientId, version }: { clientId: string; version: number },
  { client = apiClient }: RequestOptions = {},
): Promise<Client> {
  return requestData(() =>
    client.DELETE('/api/workspaces/{ws}/clients/{clientId}', {
      params: { path: { ws: workspaceId, clientId }, header: { 'If-Match': etag(version) } },
    }),
  );
}

export function useArchiveClient(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; version: number }) => archiveClient(workspaceId, input),
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
