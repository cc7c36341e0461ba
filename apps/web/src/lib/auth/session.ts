import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, send } from '../api/api-error';
import { apiClient, type RequestOptions } from '../api/client';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeView'];
export type Membership = components['schemas']['MembershipView'];

/** The one source of truth for "who is signed in": every other query hangs off a membership. */
export const sessionQueryKey = ['session'] as const;

/** GET /api/auth/me: the signed-in person and their memberships, or null when signed out (401). */
export async function getMe({ signal, client = apiClient }: RequestOptions = {}): Promise<Me | null> {
  const { data, error, response } = await send(() => client.GET('/api/auth/me', { signal }));
  if (response.status === 401) return null;
  if (!response.ok || !data) throw ApiError.fromResponse(response, error);
  return data;
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getMe({ signal }),
    // Checked again when the window regains focus, so signing out in one tab reaches the others.
    staleTime: 60_000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/**
 * A different person (or nobody) is now signed in: nothing cached for the previous one may be
 * shown, so every other query is dropped before the new session is stored. The session query
 * itself stays (only its data changes), so the components watching it see the change.
 */
export function replaceSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, me);
}

/** The membership of `me` in workspace `workspaceId`, if any. */
export function membershipIn(me: Me | null | undefined, workspaceId: string | undefined): Membership | undefined {
  if (!me || !workspaceId) return undefined;
  return me.memberships.find((membership) => membership.workspaceId === workspaceId);
}
