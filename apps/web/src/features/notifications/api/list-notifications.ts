import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';

export type NotificationList = components['schemas']['NotificationListView'];
export type AppNotification = components['schemas']['NotificationView'];

export const notificationsQueryKey = (workspaceId: string) => [workspaceId, 'notifications'] as const;

/** How often the bell asks for news while the page is open (it also asks when the window regains focus). */
export const NOTIFICATIONS_POLL_MS = 30_000;

/** GET /api/workspaces/:ws/notifications: mine only, the latest 50, newest first, and the unread count. */
export function listNotifications(
  workspaceId: string,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<NotificationList> {
  return requestData(() =>
    client.GET('/api/workspaces/{ws}/notifications', {
      params: { path: { ws: workspaceId } },
      cache: 'no-store',
      signal,
    }),
  );
}

export const notificationsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: notificationsQueryKey(workspaceId),
    queryFn: ({ signal }) => listNotifications(workspaceId, { signal }),
    refetchInterval: NOTIFICATIONS_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 10_000,
  });

export function useNotifications(workspaceId: string) {
  return useQuery(notificationsQueryOptions(workspaceId));
}
