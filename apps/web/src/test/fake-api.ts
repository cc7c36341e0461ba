import { createApiClient, type ApiClient } from '../lib/api/client';

export const TEST_BASE_URL = 'http://api.test';

/** A JSON answer as the API would send it, with its X-Request-Id. */
export function jsonResponse(status: number, body: unknown, requestId = 'req-123'): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId },
  });
}

/**
 * A typed API client whose every request is answered by `answer` (or fails like a dropped
 * connection when `answer` throws). Records the requests it saw.
 */
export function fakeApiClient(answer: (request: Request) => Response | Promise<Response>): {
  client: ApiClient;
  requests: Request[];
} {
  const requests: Request[] = [];
  const client = createApiClient({
    baseUrl: TEST_BASE_URL,
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}
