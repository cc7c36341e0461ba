import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { MatrixSummaryView } from '../../../lib/api/types';

export type MatrixSummary = MatrixSummaryView;

/** Every matrices list of a client starts with this key; creating a matrix invalidates it. */
export const clientMatricesQueryKey = (workspaceId: string, clientId: string) =>
  [workspaceId, 'clients', clientId, 'matrices'] as const;

/** GET /api/workspaces/:ws/clients/:clientId/matrices: the client's matrices. */
export function listMatrices(
  workspaceId: string,
  clientId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<MatrixSummary[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/clients/{clientId}/matrices', {
      params: { path: { ws: workspaceId, clientId } },
      signal,
    }),
  );
}

export const matricesQueryOptions = (workspaceId: string, clientId: string) =>
  queryOptions({
    queryKey: clientMatricesQueryKey(workspaceId, clientId),
    queryFn: ({ signal }) => listMatrices(workspaceId, clientId, { signal }),
  });

export function useMatrices(workspaceId: string, clientId: string) {
  return useQuery(matricesQueryOptions(workspaceId, clientId));
}
