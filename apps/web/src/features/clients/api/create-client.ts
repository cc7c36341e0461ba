import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { type Client, clientsQueryKey } from './list-clients';

/** POST /api/workspaces/:ws/clients (msp_admin). 409 with a `name` detail when the name is taken. */
export function createClient(
  workspaceId: string,
  name: string,
  { client = apiClient }: RequestOptions = {},
): Promise<Client> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/clients', { params: { path: { ws: workspaceId } }, body: { name } }),
  );
}

export function useCreateClient(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createClient(workspaceId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsQueryKey(workspaceId) }),
  });
}
