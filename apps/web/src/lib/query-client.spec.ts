import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from './api/api-error';
import { sessionQueryKey } from './auth/session';
import { MAX_QUERY_RETRIES, createQueryClient, endsSession, retryDelay, shouldRetryQuery } from './query-client';

const apiError = (statusCode: number) => new ApiError({ statusCode, error: 'x', message: 'x' });

describe('shouldRetryQuery', () => {
  it.each([400, 401, 403, 404, 409, 412, 428, 429])('never retries a %i', (status) => {
    expect(shouldRetryQuery(0, apiError(status))).toBe(false);
  });

  it('retries 5xx answers and unreachable API up to the limit', () => {
    for (const error of [apiError(500), apiError(503), new ApiUnreachableError(), new Error('boom')]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(MAX_QUERY_RETRIES - 1, error)).toBe(true);
      expect(shouldRetryQuery(MAX_QUERY_RETRIES, error)).toBe(false);
    }
  });
});

describe('retryDelay', () => {
  it('doubles from one second and stops growing at ten', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('createQueryClient', () => {
  it('uses the retry policy and a stale time, and never retries mutations', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.retry).toBe(shouldRetryQuery);
    expect(defaults.queries?.staleTime).toBeGreaterThan(0);
    expect(defaults.mutations?.retry).toBe(false);
  });
});

describe('endsSession', () => {
  it('takes a 401 from a workspace request as the end of the session', () => {
    expect(endsSession(apiError(401), ['ws-1', 'clients'])).toBe(true);
    expect(endsSession(apiError(401))).toBe(true);
  });

  it('does not loop on the session query itself, nor react to other failures', () => {
    expect(endsSession(apiError(401), sessionQueryKey)).toBe(false);
    expect(endsSession(apiError(403), ['ws-1', 'members'])).toBe(false);
    expect(endsSession(new ApiUnreachableError(), ['ws-1', 'members'])).toBe(false);
  });

  it('asks for the session again when a query answers 401', async () => {
    const client = createQueryClient();
    client.setQueryData(sessionQueryKey, { user: { id: 'u1' }, memberships: [] });
    await client
      .fetchQuery({ queryKey: ['ws-1', 'clients'], queryFn: () => Promise.reject(apiError(401)), retry: false })
      .catch(() => undefined);
    expect(client.getQueryState(sessionQueryKey)?.isInvalidated).toBe(true);
  });
});
