import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { etag, requestNoContent } from '../../../lib/api/request';
import { sessionQueryKey } from '../../../lib/auth/session';
import { type Member, membersQueryKey } from './list-members';
import { staleMemberOf, storeMember } from './update-member';

/**
 * DELETE /api/workspaces/:ws/members/:memberId with If-Match (204). 409 when it would remove the
 * workspace's last MSP admin.
 */
export function removeMember(
  workspaceId: string,
  { id, version }: Pick<Member, 'id' | 'version'>,
  { client = apiClient }: RequestOptions = {},
): Promise<void> {
  return requestNoContent(() =>
    client.DELETE('/api/workspaces/{ws}/members/{memberId}', {
      params: { path: { ws: workspaceId, memberId: id }, header: { 'If-Match': etag(version) } },
    }),
  );
}

export function useRemoveMember(workspaceId: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: Member) => removeMember(workspaceId, member),
    onSuccess: async (_, member) => {
      queryClient.setQueryData<Member[]>(membersQueryKey(workspaceId), (list) =>
        list?.filter((item) => item.id !== member.id),
      );
      await queryClient.invalidateQueries({ queryKey: membersQueryKey(workspaceId) });
      if (member.userId === currentUserId) await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
    onError: (error) => {
      const current = staleMemberOf(error);
      if (current) storeMember(queryClient, workspaceId, current);
    },
  });
}
