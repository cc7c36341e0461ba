import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error';

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

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}

export const queryClient = createQueryClient();
