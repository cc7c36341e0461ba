import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { type Invitation, invitationsQueryKey } from './list-invitations';

/** DELETE /api/workspaces/:ws/invitations/:invitationId: the link stops working (409 if already used). */
export function revokeInvitation(
  workspaceId: string,
  invitationId: string,
  { client = apiClient }: RequestOptions = {},
): Promise<Invitation> {
  return requestData(() =>
    client.DELETE('/api/workspaces/{ws}/invitations/{invitationId}', {
      params: { path: { ws: workspaceId, invitationId } },
    }),
  );
}

export function useRevokeInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(workspaceId, invitationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(workspaceId) }),
  });
}
