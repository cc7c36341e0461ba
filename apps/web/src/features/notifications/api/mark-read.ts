import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import { markedRead } from '../lib/notifications';
import { type NotificationList, notificationsQueryKey } from './list-notifications';

/** POST /api/workspaces/:ws/notifications/read {ids?}: marks these (or, without ids, all) read; answers the unread count. */
export function markNotificationsRead(
  workspaceId: string,
  ids: readonly string[] | undefined,
  { client = apiClient }: RequestOptions = {},
): Promise<{ unread: number }> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/notifications/read', {
      params: { path: { ws: workspaceId } },
      body: ids ? { ids: [...ids] } : {},
    }),
  );
}

/** Optimistic: the items read and the count change at once; a failure puts the list back. */
export function useMarkNotificationsRead(workspaceId: string) {
  const queryClient = useQueryClient();
  const key = notificationsQueryKey(workspaceId);
  return useMutation({
    mutationFn: (ids: readonly string[] | undefined) => markNotificationsRead(workspaceId, ids),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<NotificationList>(key);
      if (previous) queryClient.setQueryData(key, markedRead(previous, ids, new Date().toISOString()));
      return { previous };
    },
    onSuccess: ({ unread }) =>
      queryClient.setQueryData<NotificationList>(key, (list) => (list ? { ...list, unread } : list)),
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
