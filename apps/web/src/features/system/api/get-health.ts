import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, ApiUnreachableError, REQUEST_ID_HEADER, send } from '../../../lib/api/api-error';
import { apiClient, type RequestOptions } from '../../../lib/api/client';

/** GET /api/health: the API process answers. */
export interface Health {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  /** X-Request-Id of the answer. */
  requestId: string | undefined;
}

/** The system status is checked again this often while the page is open. */
export const SYSTEM_STATUS_POLL_MS = 10_000;

export const healthQueryKey = ['system', 'health'] as const;

/**
 * Reads the body of a 200 answer. Anything that is not the health document (for example the
 * SPA's index.html served by a static host with no /api behind it) means the API is not there.
 */
export function toHealth(body: unknown, requestId: string | undefined): Health {
  if (typeof body === 'object' && body !== null) {
    const { status, version, uptimeSeconds } = body as Record<string, unknown>;
    if (status === 'ok' && typeof version === 'string' && typeof uptimeSeconds === 'number') {
      return { status, version, uptimeSeconds, requestId };
    }
  }
  throw new ApiUnreachableError('The answer to /api/health did not come from the Accord API.');
}

export async function getHealth({ signal, client = apiClient }: RequestOptions = {}): Promise<Health> {
  const { data, error, response } = await send(() => client.GET('/api/health', { signal }));
  if (!response.ok) throw ApiError.fromResponse(response, error);
  return toHealth(data, response.headers.get(REQUEST_ID_HEADER) ?? undefined);
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: SYSTEM_STATUS_POLL_MS,
    staleTime: 0,
    // Polling is the retry; one quick second attempt smooths over a blip.
    retry: 1,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
