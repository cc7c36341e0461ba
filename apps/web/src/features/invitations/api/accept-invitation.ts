import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { type Me, sessionQueryKey } from '../../../lib/auth/session';

export type AcceptInvitationInput = components['schemas']['AcceptInvitationDto'];

/**
 * POST /api/invitations/:token/accept: joins the workspace and signs in. A new account sends
 * name and password; an existing account its password; the signed-in invitee nothing.
 */
export function acceptInvitation(
  token: string,
  input: AcceptInvitationInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Me> {
  return requestData(() =>
    client.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body: input }),
  );
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(token, input),
    // The same person as before, or someone who was signed out: nothing cached belongs to another
    // person, and keeping the preview lets the page move on without asking for a used link again.
    onSuccess: (me) => queryClient.setQueryData(sessionQueryKey, me),
  });
}
