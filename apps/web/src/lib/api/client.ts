import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema';

export type ApiClient = Client<paths>;

/**
 * Creates a typed client for the Accord API. The browser app talks to its own origin
 * (`baseUrl: ''`): Vite proxies `/api` in development and preview, and a reverse proxy does in
 * production. Tests pass an absolute `baseUrl` and their own `fetch`.
 */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>({
    baseUrl: '',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...options,
  });
}

export const apiClient: ApiClient = createApiClient();

/** What every endpoint fetcher accepts: react-query's abort signal, and a client for tests. */
export interface RequestOptions {
  signal?: AbortSignal;
  client?: ApiClient;
}
