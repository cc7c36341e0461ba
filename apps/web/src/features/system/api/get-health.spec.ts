import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { getHealth, healthQueryOptions, SYSTEM_STATUS_POLL_MS } from './get-health';

describe('getHealth', () => {
  it('returns version, uptime and the request id of GET /api/health', async () => {
    const { client, requests } = fakeApiClient(() =>
      jsonResponse(200, { status: 'ok', version: '0.1.0', uptimeSeconds: 75 }, 'req-7'),
    );

    await expect(getHealth({ client })).resolves.toEqual({
      status: 'ok',
      version: '0.1.0',
      uptimeSeconds: 75,
      requestId: 'req-7',
    });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/health');
  });

  it('throws ApiError with the API’s message on a non-2xx', async () => {
    const { client } = fakeApiClient(() =>
      jsonResponse(500, { statusCode: 500, error: 'Internal Server Error', message: 'Boom' }, 'req-8'),
    );

    const error = await getHealth({ client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 500,
      message: 'Boom',
      requestId: 'req-8',
    });
  });

  it('throws ApiUnreachableError when nothing answers or something else answers', async () => {
    const offline = fakeApiClient(() => {
      throw new TypeError('fetch failed');
    });
    await expect(getHealth({ client: offline.client })).rejects.toBeInstanceOf(ApiUnreachableError);

    const stranger = fakeApiClient(() => jsonResponse(200, { ok: true }));
    await expect(getHealth({ client: stranger.client })).rejects.toBeInstanceOf(ApiUnreachableError);
  });
});

describe('healthQueryOptions', () => {
  it('polls every 10 seconds under a stable key', () => {
    const options = healthQueryOptions();
    expect(options.queryKey).toEqual(['system', 'health']);
    expect(options.refetchInterval).toBe(SYSTEM_STATUS_POLL_MS);
    expect(SYSTEM_STATUS_POLL_MS).toBe(10_000);
  });
});
