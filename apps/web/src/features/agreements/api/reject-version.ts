import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { storeVersion, type Version, versionQueryKey } from './get-version';

export interface RejectVersionInput {
  party: string;
  reason: string;
}

/** POST .../versions/:n/rejections: ends the version for everyone; 403 and 409 as for signing. */
export async function rejectVersion(
  workspaceId: string,
  matrixId: string,
  n: number,
  input: RejectVersionInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Version> {
  const view = await requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/versions/{n}/rejections', {
      params: { path: { ws: workspaceId, matrixId, n } },
      body: input,
    }),
  );
  return view as unknown as Version;
}

export function useRejectVersion(workspaceId: string, matrixId: string, n: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RejectVersionInput) => rejectVersion(workspaceId, matrixId, n, input),
    onSuccess: (version) => storeVersion(queryClient, workspaceId, matrixId, version),
    onError: () => queryClient.invalidateQueries({ queryKey: versionQueryKey(workspaceId, matrixId, n) }),
  });
}
