import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { type Me, replaceSession } from '../../../lib/auth/session';

export type SignUpInput = components['schemas']['SignupDto'];

/** POST /api/auth/signup: a new workspace with its first MSP admin, signed in (201). */
export function signUp(input: SignUpInput, { client = apiClient }: RequestOptions = {}): Promise<Me> {
  return requestData(() => client.POST('/api/auth/signup', { body: input }));
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) => signUp(input),
    onSuccess: (me) => replaceSession(queryClient, me),
  });
}
