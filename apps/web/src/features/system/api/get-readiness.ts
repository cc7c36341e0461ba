import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, ApiUnreachableError, REQUEST_ID_HEADER, isApiErrorBody, send } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { SYSTEM_STATUS_POLL_MS } from './get-health';

export type DependencyStatus = 'up' | 'down';

/**
 * GET /api/health/ready, mapped: a 503 is the API's meaningful answer "the database does not
 * answer", not a failure of the request, so it becomes `unavailable` instead of an exception.
 */
export interface Readiness {
  state: 'ready' | 'unavailable';
  database: { status: DependencyStatus; message: string | undefined };
  /** X-Request-Id of the answer. */
  requestId: string | undefined;
}

export const readinessQueryKey = ['system', 'readiness'] as const;

interface IndicatorLike {
  status?: unknown;
  message?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** True for a terminus-style readiness body: `{ status: 'ok' | 'error', details: {...} }`. */
function isReadinessBody(body: unknown): boolean {
  const record = asRecord(body);
  return (record?.['status'] === 'ok' || record?.['status'] === 'error') && asRecord(record['details']) !== undefined;
}

/** The database indicator, from `details` or else from the `error` / `info` sections. */
function databaseIndicator(body: unknown): IndicatorLike | undefined {
  const record = asRecord(body);
  for (const section of ['details', 'error', 'info']) {
    const database = asRecord(asRecord(record?.[section])?.['database']);
    if (database) return database;
  }
  return undefined;
}

/**
 * Maps the answer of GET /api/health/ready.
 * - 200 with `details.database.status` "up": ready.
 * - 200 without it, or 503 from the API (a readiness body or the API's error shape): unavailable.
 * - a 200 that is not a readiness body: ApiUnreachableError (something else answered).
 * - anything else (a 500, or a 503 from a proxy that never reached the API): ApiError.
 */
export function toReadiness(response: Pick<Response, 'status' | 'statusText' | 'headers'>, body: unknown): Readiness {
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const indicator = databaseIndicator(body);
  const message = typeof indicator?.message === 'string' ? indicator.message : undefined;

  if (response.status === 200 && isReadinessBody(body)) {
    const up = indicator?.status === 'up';
    return {
      state: up ? 'ready' : 'unavailable',
      database: { status: up ? 'up' : 'down', message },
      requestId,
    };
  }
  if (response.status === 200) {
    throw new ApiUnreachableError('The answer to /api/health/ready did not come from the Accord API.');
  }
  if (response.status === 503 && (isReadinessBody(body) || isApiErrorBody(body))) {
    const fallback = isApiErrorBody(body) ? body.message : undefined;
    return {
      state: 'unavailable',
      database: { status: 'down', message: message ?? fallback },
      requestId,
    };
  }
  throw ApiError.fromResponse(response, body);
}

export async function getReadiness({ signal, client = apiClient }: RequestOptions = {}): Promise<Readiness> {
  const { data, error, response } = await send(() => client.GET('/api/health/ready', { signal }));
  return toReadiness(response, response.ok ? data : error);
}

export const readinessQueryOptions = () =>
  queryOptions({
    queryKey: readinessQueryKey,
    queryFn: ({ signal }) => getReadiness({ signal }),
    refetchInterval: SYSTEM_STATUS_POLL_MS,
    staleTime: 0,
    retry: 1,
  });

export function useReadiness() {
  return useQuery(readinessQueryOptions());
}
