import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isClientRole, type Role } from '@accord/raci';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { type Invitation, invitationsQueryKey } from './list-invitations';

export interface CreateInvitationInput {
  email: string;
  role: Role;
  /** Only for client roles; dropped for MSP roles, which belong to the whole workspace. */
  clientId?: string;
}

/** The request body: a client only with a client role, as the API demands. */
export function invitationBody({ email, role, clientId }: CreateInvitationInput) {
  return isClientRole(role) ? { email: email.trim(), role, clientId } : { email: email.trim(), role };
}

/**
 * POST /api/workspaces/:ws/invitations (msp_admin), 201. Without mail configured the answer
 * carries `acceptUrl`, shown once to the inviter to pass on.
 */
export function createInvitation(
  workspaceId: string,
  input: CreateInvitationInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Invitation> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/invitations', {
      params: { path: { ws: workspaceId } },
      body: invitationBody(input),
    }),
  );
}

export function useCreateInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => createInvitation(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(workspaceId) }),
  });
}
