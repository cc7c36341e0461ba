import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GapKind, GapSeverity } from '@accord/raci';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { matrixQueryKey } from './get-matrix';

/** One entry of the gap report, as the API sends it (the OpenAPI document leaves it untyped). */
export interface MatrixGap {
  id: string;
  kind: GapKind;
  severity: GapSeverity;
  title: string;
  explanation: string;
  rowKey?: string;
  partyKey?: string;
  responsibilityId: string | null;
  partyId: string | null;
}

/** GET /api/workspaces/:ws/matrices/:matrixId/gaps: what the matrix leaves uncovered. */
export async function listGaps(
  workspaceId: string,
  matrixId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<MatrixGap[]> {
  const data: unknown = await requestData(() =>
    client.GET('/api/workspaces/{ws}/matrices/{matrixId}/gaps', {
      params: { path: { ws: workspaceId, matrixId } },
      cache: 'no-store',
      signal,
    }),
  );
  return Array.isArray(data) ? (data as MatrixGap[]) : [];
}

export const gapsQueryOptions = (workspaceId: string, matrixId: string) =>
  queryOptions({
    queryKey: [...matrixQueryKey(workspaceId, matrixId), 'gaps'] as const,
    queryFn: ({ signal }) => listGaps(workspaceId, matrixId, { signal }),
  });

export function useGaps(workspaceId: string, matrixId: string) {
  return useQuery(gapsQueryOptions(workspaceId, matrixId));
}
