import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { storeVersion, type Version } from './get-version';

export interface RequestSignOffInput {
  /** Sign for your own party in the same step: the party key and your name, typed. */
  sign?: { party: string; name: string };
}

/**
 * POST /api/workspaces/:ws/matrices/:matrixId/versions (permission 'matrix.edit'): freezes the
 * draft into the next version and supersedes a pending one. 422 with details naming each row or
 * escalation path while a RACI rule is broken or a P1 path runs dry.
 */
export async function requestSignOff(
  workspaceId: string,
  matrixId: string,
  { sign }: RequestSignOffInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Version> {
  const view = await requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/versions', {
      params: { path: { ws: workspaceId, matrixId } },
      body: sign ? { sign } : {},
    }),
  );
  return view as unknown as Version;
}

export function useRequestSignOff(workspaceId: string, matrixId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestSignOffInput) => requestSignOff(workspaceId, matrixId, input),
    onSuccess: (version) => storeVersion(queryClient, workspaceId, matrixId, version),
  });
}
