import { ApiError, ApiUnreachableError, send } from './api-error';

/** What an openapi-fetch call resolves to, reduced to what the helpers below read. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one openapi-fetch call and returns its body: a non-2xx becomes ApiError, no answer (or an
 * answer without a body) becomes ApiUnreachableError. Every endpoint fetcher goes through here.
 */
export async function requestData<T>(call: () => Promise<CallResult<T>>): Promise<T> {
  const { data, error, response } = await send(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
  if (data === undefined || data === null) {
    throw new ApiUnreachableError('The answer had no body; it did not come from the Accord API.');
  }
  return data;
}

/** For routes that answer 204 No Content: only the status matters. */
export async function requestNoContent(call: () => Promise<CallResult<unknown>>): Promise<void> {
  const { error, response } = await send(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
}

/** An ETag for If-Match, from a version number ("3" -> "\"3\""). */
export function etag(version: number): string {
  return `"${version}"`;
}
