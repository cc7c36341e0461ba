import { describe, expect, it } from 'vitest';
import { fakeApiClient, jsonResponse } from '../../test/fake-api';
import { ApiError, ApiUnreachableError } from './api-error';
import { etag, requestData, requestNoContent } from './request';

describe('requestData', () => {
  it('returns the body of a 2xx', async () => {
    const { client } = fakeApiClient(() => jsonResponse(200, [{ id: 'c1' }]));
    await expect(requestData(() => client.GET('/api/workspaces', {}))).resolves.toEqual([{ id: 'c1' }]);
  });

  it('throws ApiError with the API’s message, details and the current state of a 412', async () => {
    const current = { id: 'c1', name: 'Harbor Dental Group', version: 3 };
    const { client } = fakeApiClient(() =>
      jsonResponse(412, {
        statusCode: 412,
        error: 'Precondition Failed',
        message: 'Changed by someone else.',
        current,
      }),
    );
    const error = await requestData(() => client.GET('/api/workspaces', {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 412, message: 'Changed by someone else.', current });
  });

  it('reads how long to wait from a 429, from the body or the Retry-After header', async () => {
    const fromBody = fakeApiClient(() =>
      jsonResponse(429, { statusCode: 429, error: 'Too Many Requests', message: 'Wait.', retryAfterSeconds: 840 }),
    );
    await expect(requestData(() => fromBody.client.GET('/api/workspaces', {}))).rejects.toMatchObject({
      retryAfterSeconds: 840,
    });

    const fromHeader = fakeApiClient(
      () =>
        new Response(JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'Wait.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '120' },
        }),
    );
    await expect(requestData(() => fromHeader.client.GET('/api/workspaces', {}))).rejects.toMatchObject({
      retryAfterSeconds: 120,
    });
  });

  it('throws ApiUnreachableError when nothing answers', async () => {
    const { client } = fakeApiClient(() => {
      throw new TypeError('fetch failed');
    });
    await expect(requestData(() => client.GET('/api/workspaces', {}))).rejects.toBeInstanceOf(ApiUnreachableError);
  });
});

describe('requestNoContent', () => {
  it('accepts a 204 and throws on an error status', async () => {
    const ok = fakeApiClient(() => new Response(null, { status: 204 }));
    await expect(requestNoContent(() => ok.client.POST('/api/auth/logout'))).resolves.toBeUndefined();

    const conflict = fakeApiClient(() =>
      jsonResponse(409, { statusCode: 409, error: 'Conflict', message: 'This is the last MSP admin.' }),
    );
    await expect(requestNoContent(() => conflict.client.POST('/api/auth/logout'))).rejects.toMatchObject({
      statusCode: 409,
      message: 'This is the last MSP admin.',
    });
  });
});

describe('etag', () => {
  it('quotes a version as the API’s ETags do', () => {
    expect(etag(7)).toBe('"7"');
  });
});
