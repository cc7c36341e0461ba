import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import type { Matrix } from './get-matrix';
import { usePartyMutation } from './party-mutation';

export type PartyChanges = components['schemas']['UpdatePartyDto'];

export interface UpdatePartyInput {
  partyId: string;
  /** The party version the person saw, sent as If-Match. */
  version: number;
  changes: PartyChanges;
}

/** PATCH /api/workspaces/:ws/matrices/:matrixId/parties/:partyId with If-Match: name, sign-off. */
export function updateParty(
  workspaceId: string,
  matrixId: string,
  { partyId, version, changes }: UpdatePartyInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/matrices/{matrixId}/parties/{partyId}', {
      params: { path: { ws: workspaceId, matrixId, partyId }, header: { 'If-Match': etag(version) } },
      body: changes,
    }),
  );
}

export function useUpdateParty(workspaceId: string, matrixId: string) {
  return usePartyMutation(workspaceId, matrixId, 'update-party', (input: UpdatePartyInput) =>
    updateParty(workspaceId, matrixId, input),
  );
}
