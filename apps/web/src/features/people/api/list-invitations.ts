import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

export type Invitation = components['schemas']['InvitationView'];

export const invitationsQueryKey = (workspaceId: string) => [workspaceId, 'invitations'] as const;

/** GET /api/workspaces/:ws/invitations (msp_admin): the latest invitations, newest first, of every state. */
export function listInvitations(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Invitation[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/invitations', { params: { path: { ws: workspaceId } }, signal }),
  );
}

export const invitationsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: invitationsQueryKey(workspaceId),
    queryFn: ({ signal }) => listInvitations(workspaceId, { signal }),
  });

export function useInvitations(workspaceId: string, { enabled = true } = {}) {
  return useQuery({ ...invitationsQueryOptions(workspaceId), enabled });
}

/** Still usable: neither accepted nor revoked, and not expired at `now`. */
export function isPending(invitation: Invitation, now: number = Date.now()): boolean {
  return (
    invitation.acceptedAt === null && invitation.revokedAt === null && new Date(invitation.expiresAt).getTime() > now
  );
}
