import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { storeVersion, type Version, versionQueryKey } from './get-version';

export interface SignVersionInput {
  party: string;
  /** The signer's name, typed to confirm; the API compares it with the name it knows. */
  name: string;
  /** The SHA-256 the signer was shown: 409 if it is not the version's. */
  hash: string;
}

/**
 * POST .../versions/:n/signatures. 403 for a party your role does not represent; 409 when the
 * version was superseded or decided, the party already answered, or the hash is not the version's;
 * 400 when the typed name is not yours.
 */
export async function signVersion(
  workspaceId: string,
  matrixId: string,
  n: number,
  input: SignVersionInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Version> {
  const view = await requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/versions/{n}/signatures', {
      params: { path: { ws: workspaceId, matrixId, n } },
      body: input,
    }),
  );
  return view as unknown as Version;
}

export function useSignVersion(workspaceId: string, matrixId: string, n: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignVersionInput) => signVersion(workspaceId, matrixId, n, input),
    onSuccess: (version) => storeVersion(queryClient, workspaceId, matrixId, version),
    // A refusal means the version moved on (superseded, signed by someone else): show it as it is.
    onError: () => queryClient.invalidateQueries({ queryKey: versionQueryKey(workspaceId, matrixId, n) }),
  });
}
