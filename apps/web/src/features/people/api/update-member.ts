import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@accord/raci';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestData } from '../../../lib/api/request';
import { sessionQueryKey } from '../../../lib/auth/session';
import { type Member, membersQueryKey } from './list-members';

export interface UpdateMemberInput {
  memberId: string;
  /** The version the change is based on, sent as If-Match. */
  version: number;
  role: Role;
  /** Required for client roles, absent for MSP roles. */
  clientId?: string;
}

/**
 * PATCH /api/workspaces/:ws/members/:memberId with If-Match (msp_admin). 412 when the membership
 * changed since it was read; 409 when it would demote the workspace's last MSP admin.
 */
export function updateMember(
  workspaceId: string,
  { memberId, version, role, clientId }: UpdateMemberInput,
  { client = apiClient }: RequestOptions = {},
): Promise<Member> {
  return requestData(() =>
    client.PATCH('/api/workspaces/{ws}/members/{memberId}', {
      params: { path: { ws: workspaceId, memberId }, header: { 'If-Match': etag(version) } },
      body: { role, clientId },
    }),
  );
}

/** The current membership a 412 answer carries, if the error is one. */
export function staleMemberOf(error: unknown): Member | null {
  if (!(error instanceof ApiError) || error.statusCode !== 412) return null;
  const current = error.current;
  if (typeof current !== 'object' || current === null) return null;
  const { id, role, version } = current as Partial<Member>;
  return typeof id === 'string' && typeof role === 'string' && typeof version === 'number' ? (current as Member) : null;
}

export function storeMember(queryClient: QueryClient, workspaceId: string, updated: Member): void {
  queryClient.setQueryData<Member[]>(membersQueryKey(workspaceId), (list) =>
    list?.map((item) => (item.id === updated.id ? updated : item)),
  );
}

export function useUpdateMember(workspaceId: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMemberInput) => updateMember(workspaceId, input),
    onSuccess: async (updated) => {
      storeMember(queryClient, workspaceId, updated);
      await queryClient.invalidateQueries({ queryKey: membersQueryKey(workspaceId) });
      // Changing your own role changes what you may do: the session carries it.
      if (updated.userId === currentUserId) await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
    onError: (error) => {
      const current = staleMemberOf(error);
      if (current) storeMember(queryClient, workspaceId, current);
    },
  });
}
