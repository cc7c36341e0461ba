import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths as GeneratedPaths } from './schema';

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The path parameters an operation declares, or none. */
type PathParamsOf<P> = P extends { path: infer Path } ? Path : unknown;

/** Adds `ws` to an operation's path parameters (idempotent when the document already names it). */
type WithWorkspaceParam<Operation> = Operation extends { parameters: infer P }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<P, 'path'> & { path: PathParamsOf<P> & { ws: string } };
    }
  : Operation;

/**
 * The generated paths, with `{ws}` made a required path parameter of every workspace-scoped
 * operation. The OpenAPI document names `:ws` in its paths but does not declare it as a
 * parameter, so without this openapi-fetch would send the literal text `{ws}`.
 */
export type paths = {
  [Path in keyof GeneratedPaths]: Path extends `${string}{ws}${string}`
    ? {
        [Key in keyof GeneratedPaths[Path]]: Key extends HttpMethod
          ? WithWorkspaceParam<GeneratedPaths[Path][Key]>
          : GeneratedPaths[Path][Key];
      }
    : GeneratedPaths[Path];
};

export type ApiClient = Client<paths>;

/** Every unsafe request carries this header; the API refuses writes without it (CSRF defence). */
export const CSRF_HEADER = 'X-Accord-Csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase())) request.headers.set(CSRF_HEADER, '1');
    return request;
  },
};

/**
 * Creates a typed client for the Accord API. The browser app talks to its own origin
 * (`baseUrl: ''`): Vite proxies `/api` in development and preview, and a reverse proxy does in
 * production. Tests pass an absolute `baseUrl` and their own `fetch`. The session cookie is
 * same-origin and httpOnly; writes get the CSRF header from `csrfMiddleware`.
 */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: '',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...options,
  });
  client.use(csrfMiddleware);
  return client;
}

export const apiClient: ApiClient = createApiClient();

/** What every endpoint fetcher accepts: react-query's abort signal, and a client for tests. */
export interface RequestOptions {
  signal?: AbortSignal;
  client?: ApiClient;
}
