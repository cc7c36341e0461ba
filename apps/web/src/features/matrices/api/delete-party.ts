import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { Matrix } from './get-matrix';
import { usePartyMutation } from './party-mutation';

export interface DeletePartyInput {
  partyId: string;
  /** The party version the person saw, sent as If-Match. */
  version: number;
}

/** DELETE /api/workspaces/:ws/matrices/:matrixId/parties/:partyId with If-Match; its letters go too. */
export function deleteParty(
  workspaceId: string,
  matrixId: string,
  { partyId, version }: DeletePartyInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.DELETE('/api/workspaces/{ws}/matrices/{matrixId}/parties/{partyId}', {
      params: { path: { ws: workspaceId, matrixId, partyId }, header: { 'If-Match': etag(version) } },
    }),
  );
}

export function useDeleteParty(workspaceId: string, matrixId: string) {
  return usePartyMutation(workspaceId, matrixId, 'delete-party', (input: DeletePartyInput) =>
    deleteParty(workspaceId, matrixId, input),
  );
}
