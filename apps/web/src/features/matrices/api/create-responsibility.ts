import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { ResponsibilityView } from '../../../lib/api/types';
import type { components } from '../../../lib/api/schema';
import { addRow, matrixMutationKey, refreshMatrix } from './matrix-cache';

export type NewResponsibility = components['schemas']['CreateResponsibilityDto'];

/** POST /api/workspaces/:ws/matrices/:matrixId/responsibilities: a new row, last of the matrix. */
export function createResponsibility(
  workspaceId: string,
  matrixId: string,
  input: NewResponsibility,
  { client = apiClient }: RequestOptions = {},
): Promise<ResponsibilityView> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/responsibilities', {
      params: { path: { ws: workspaceId, matrixId } },
      body: input,
    }),
  );
}

export function useCreateResponsibility(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixMutationKey(workspaceId, matrixId, 'create-responsibility'),
    mutationFn: (input: NewResponsibility) => createResponsibility(workspaceId, matrixId, input),
    onSuccess: (row) => addRow(queryClient, workspaceId, matrixId, row),
    onSettled: () => refreshMatrix(queryClient, workspaceId, matrixId),
  });
}
