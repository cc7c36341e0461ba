import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { ResponsibilityView } from '../../../lib/api/types';
import type { components } from '../../../lib/api/schema';
import { isNotFound, matrixMutationKey, refreshMatrix, removeRow } from './matrix-cache';
import { staleRowOf, storeRow } from './set-assignments';

export type ResponsibilityChanges = components['schemas']['UpdateResponsibilityDto'];

export interface UpdateResponsibilityInput {
  responsibilityId: string;
  /** The row version the edit started from, sent as If-Match. */
  version: number;
  changes: ResponsibilityChanges;
}

/**
 * PATCH /api/workspaces/:ws/matrices/:matrixId/responsibilities/:id with If-Match: title,
 * description, category, critical, after hours. 412 (with the current row) when it changed since.
 */
export function updateResponsibility(
  workspaceId: string,
  matrixId: string,
  { responsibilityId, version, changes }: UpdateResponsibilityInput,
  { client = apiClient }: RequestOptions = {},
): Promise<ResponsibilityView> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/matrices/{matrixId}/responsibilities/{responsibilityId}', {
      params: { path: { ws: workspaceId, matrixId, responsibilityId }, header: { 'If-Match': etag(version) } },
      body: changes,
    }),
  );
}

/**
 * Saves an edit from the responsibility form (not optimistic: the form stays open until the API
 * agrees, so a conflict can be shown next to what was typed). A 412 stores the other person's
 * row in the cache; the form shows it from the error.
 */
export function useUpdateResponsibility(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixMutationKey(workspaceId, matrixId, 'update-responsibility'),
    mutationFn: (input: UpdateResponsibilityInput) => updateResponsibility(workspaceId, matrixId, input),
    onSuccess: (row) => storeRow(queryClient, workspaceId, matrixId, row),
    onError: (error, input) => {
      const current = staleRowOf(error);
      if (current) storeRow(queryClient, workspaceId, matrixId, current);
      else if (isNotFound(error)) removeRow(queryClient, workspaceId, matrixId, input.responsibilityId);
    },
    // Critical and after-hours rows change the gap report.
    onSettled: () => refreshMatrix(queryClient, workspaceId, matrixId),
  });
}
