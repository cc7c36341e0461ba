import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api/api-error';
import { sessionQueryKey } from './auth/session';

/** How many times a failed query is tried again before the error is shown. */
export const MAX_QUERY_RETRIES = 2;

/**
 * A 4xx is the API's considered answer (bad input, no access, not found, stale version):
 * asking again gives the same answer, so only network failures and 5xx are retried.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

/** Exponential back-off: 1 s, 2 s, 4 s ... capped at 10 s. */
export function retryDelay(attemptIndex: number): number {
  return Math.min(1000 * 2 ** attemptIndex, 10_000);
}

/**
 * A 401 from any workspace request means the session ended (expired, or signed out in another
 * tab): the session query is asked again, and the signed-in shell sends the person to sign in.
 */
export function endsSession(error: unknown, queryKey?: QueryKey): boolean {
  const isSessionQuery = queryKey !== undefined && queryKey[0] === sessionQueryKey[0];
  return error instanceof ApiError && error.statusCode === 401 && !isSessionQuery;
}

export function createQueryClient(): QueryClient {
  const onError = (error: unknown, queryKey?: QueryKey) => {
    if (endsSession(error, queryKey)) void client.invalidateQueries({ queryKey: sessionQueryKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetryQuery,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: {
        // A write is never repeated behind the user's back.
        retry: false,
      },
    },
  });
  return client;
}

export const queryClient = createQueryClient();
