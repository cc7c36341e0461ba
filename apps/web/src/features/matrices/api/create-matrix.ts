import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { MatrixView } from '../../../lib/api/types';
import { clientMatricesQueryKey } from './list-matrices';

export interface CreateMatrixInput {
  name: string;
  /** 'fully_managed', 'co_managed', 'blank' or the id of a workspace template. */
  template: string;
}

/** POST /api/workspaces/:ws/clients/:clientId/matrices: a new draft matrix from a template. */
export function createMatrix(
  workspaceId: string,
  clientId: string,
  input: CreateMatrixInput,
  { client = apiClient }: RequestOptions = {},
): Promise<MatrixView> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/clients/{clientId}/matrices', {
      params: { path: { ws: workspaceId, clientId } },
      body: input,
    }),
  );
}

export function useCreateMatrix(workspaceId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMatrixInput) => createMatrix(workspaceId, clientId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientMatricesQueryKey(workspaceId, clientId) }),
  });
}
