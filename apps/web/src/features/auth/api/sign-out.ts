import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestNoContent } from '../../../lib/api/request';
import { replaceSession } from '../../../lib/auth/session';

/** POST /api/auth/logout (204). A 401 means the session had already ended: that is signed out too. */
export async function signOut({ client = apiClient }: RequestOptions = {}): Promise<void> {
  try {
    await requestNoContent(() => client.POST('/api/auth/logout'));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return;
    throw error;
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => signOut(),
    onSuccess: () => replaceSession(queryClient, null),
  });
}
