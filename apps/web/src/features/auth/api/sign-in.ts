import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { type Me, replaceSession } from '../../../lib/auth/session';

export type SignInInput = components['schemas']['LoginDto'];

/** POST /api/auth/login: 200 signed in; 401 wrong e-mail or password; 429 too many failures. */
export function signIn(input: SignInInput, { client = apiClient }: RequestOptions = {}): Promise<Me> {
  return requestData(() => client.POST('/api/auth/login', { body: input }));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => signIn(input),
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}
