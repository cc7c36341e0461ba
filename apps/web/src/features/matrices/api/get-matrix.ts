import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { MatrixView } from '../../../lib/api/types';

export type Matrix = MatrixView;

/** The matrix and everything derived from it (gaps) start with this key. */
export const matrixQueryKey = (workspaceId: string, matrixId: string) => [workspaceId, 'matrices', matrixId] as const;

/** GET /api/workspaces/:ws/matrices/:matrixId: parties, rows with their letters and rule breaks. */
export function getMatrix(
  workspaceId: string,
  matrixId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}', {
      params: { path: { ws: workspaceId, matrixId } },
      // The API's ETag for a matrix does not change when only a row changes, so a revalidated
      // browser cache would answer 304 with the rows as they were: always ask for a fresh copy.
      cache: 'no-store',
      signal,
    }),
  );
}

export const matrixQueryOptions = (workspaceId: string, matrixId: string) =>
  queryOptions({
    queryKey: matrixQueryKey(workspaceId, matrixId),
    queryFn: ({ signal }) => getMatrix(workspaceId, matrixId, { signal }),
  });

export function useMatrix(workspaceId: string, matrixId: string) {
  return useQuery(matrixQueryOptions(workspaceId, matrixId));
}
