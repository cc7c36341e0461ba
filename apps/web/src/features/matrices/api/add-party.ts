import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import type { Matrix } from './get-matrix';
import { usePartyMutation } from './party-mutation';

export type NewParty = components['schemas']['CreatePartyDto'];

/** POST /api/workspaces/:ws/matrices/:matrixId/parties: a custom party (a new column). */
export function addParty(
  workspaceId: string,
  matrixId: string,
  input: NewParty,
  { client = apiClient }: RequestOptions = {},
): Promise<Matrix> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/parties', {
      params: { path: { ws: workspaceId, matrixId } },
      body: input,
    }),
  );
}

export function useAddParty(workspaceId: string, matrixId: string) {
  return usePartyMutation(workspaceId, matrixId, 'add-party', (input: NewParty) =>
    addParty(workspaceId, matrixId, input),
  );
}
