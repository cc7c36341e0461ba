import { ApiError } from '../../../lib/api/api-error';
import { type Health, useHealth } from '../api/get-health';
import { type Readiness, useReadiness } from '../api/get-readiness';

/** The parts of a react-query result the status card depends on. */
export interface QuerySnapshot<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
  error: unknown;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
}

export type ApiStatus =
  | { state: 'pending' }
  | {
      state: 'online';
      version: string;
      uptimeSeconds: number;
      requestId: string | undefined;
      checkedAt: number;
    }
  | {
      state: 'offline';
      reason: string;
      requestId: string | undefined;
      checkedAt: number;
    };

export type DatabaseStatus =
  | { state: 'pending' }
  | { state: 'ready'; requestId: string | undefined; checkedAt: number }
  | {
      state: 'unavailable';
      reason: string | undefined;
      requestId: string | undefined;
      checkedAt: number;
    }
  | {
      state: 'unknown';
      reason: string;
      requestId: string | undefined;
      checkedAt: number;
    };

function describeFailure(error: unknown): {
  reason: string;
  requestId: string | undefined;
} {
  if (error instanceof ApiError && error.fromApi) {
    return {
      reason: `${error.statusCode} ${error.error}: ${error.message}`,
      requestId: error.requestId,
    };
  }
  if (error instanceof ApiError) {
    return {
      reason: `No answer from the API (${error.statusCode} ${error.error}).`,
      requestId: error.requestId,
    };
  }
  return { reason: 'No answer from the API.', requestId: undefined };
}

/**
 * The API is online when the latest /api/health check answered 200. A failed check after a good
 * one turns it offline at once: the earlier answer is no longer true.
 */
export function toApiStatus(query: QuerySnapshot<Health>): ApiStatus {
  if (query.status === 'error') {
    return {
      state: 'offline',
      ...describeFailure(query.error),
      checkedAt: query.errorUpdatedAt,
    };
  }
  if (query.status === 'success' && query.data) {
    const { version, uptimeSeconds, requestId } = query.data;
    return {
      state: 'online',
      version,
      uptimeSeconds,
      requestId,
      checkedAt: query.dataUpdatedAt,
    };
  }
  return { state: 'pending' };
}

/**
 * "ready" only for a 200 whose database indicator is up, "unavailable" for the API's 503, and
 * "unknown" when the API could not be asked (it is offline, or failed in another way).
 */
export function toDatabaseStatus(query: QuerySnapshot<Readiness>): DatabaseStatus {
  if (query.status === 'error') {
    return {
      state: 'unknown',
      ...describeFailure(query.error),
      checkedAt: query.errorUpdatedAt,
    };
  }
  if (query.status === 'success' && query.data) {
    const { state, database, requestId } = query.data;
    return state === 'ready'
      ? { state: 'ready', requestId, checkedAt: query.dataUpdatedAt }
      : {
          state: 'unavailable',
          reason: database.message,
          requestId,
          checkedAt: query.dataUpdatedAt,
        };
  }
  return { state: 'pending' };
}

/** Polls /api/health and /api/health/ready (every 10 s) and describes both for display. */
export function useSystemStatus(): {
  api: ApiStatus;
  database: DatabaseStatus;
} {
  const health = useHealth();
  const readiness = useReadiness();
  return { api: toApiStatus(health), database: toDatabaseStatus(readiness) };
}
