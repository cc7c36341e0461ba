import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

export type Member = components['schemas']['MemberView'];

export const membersQueryKey = (workspaceId: string) => [workspaceId, 'members'] as const;

/** GET /api/workspaces/:ws/members (MSP roles): everyone in the workspace, by name. */
export function listMembers(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<Member[]> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/members', { params: { path: { ws: workspaceId } }, signal }),
  );
}

export const membersQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: membersQueryKey(workspaceId),
    queryFn: ({ signal }) => listMembers(workspaceId, { signal }),
  });

export function useMembers(workspaceId: string, { enabled = true } = {}) {
  return useQuery({ ...membersQueryOptions(workspaceId), enabled });
}
