import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { getReadiness, toReadiness } from './get-readiness';

const headers = (requestId?: string) => new Headers(requestId ? { 'X-Request-Id': requestId } : {});

const upBody = {
  status: 'ok',
  info: { database: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' } },
};

const downBody = {
  status: 'error',
  info: {},
  error: {
    database: {
      status: 'down',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
    },
  },
  details: {
    database: {
      status: 'down',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
    },
  },
};

describe('toReadiness', () => {
  it('is ready on a 200 whose database indicator is up', () => {
    expect(toReadiness({ status: 200, statusText: 'OK', headers: headers('req-1') }, upBody)).toEqual({
      state: 'ready',
      database: { status: 'up', message: undefined },
      requestId: 'req-1',
    });
  });

  it('maps the 503 answer to "unavailable" with the database message, instead of throwing', () => {
    expect(
      toReadiness(
        {
          status: 503,
          statusText: 'Service Unavailable',
          headers: headers('req-2'),
        },
        downBody,
      ),
    ).toEqual({
      state: 'unavailable',
      database: {
        status: 'down',
        message: 'connect ECONNREFUSED 127.0.0.1:5432',
      },
      requestId: 'req-2',
    });
  });

  it('finds the database indicator in the error section when details lack it', () => {
    const body = {
      status: 'error',
      details: {},
      error: { database: { status: 'down', message: 'timeout' } },
    };
    expect(toReadiness({ status: 503, statusText: '', headers: headers() }, body).database.message).toBe('timeout');
  });

  it('treats a 503 in the API error shape as unavailable too', () => {
    const body = {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Database is not reachable',
    };
    expect(toReadiness({ status: 503, statusText: '', headers: headers('req-3') }, body)).toEqual({
      state: 'unavailable',
      database: { status: 'down', message: 'Database is not reachable' },
      requestId: 'req-3',
    });
  });

  it('is not ready on a 200 whose database is not reported up', () => {
    const body = { status: 'ok', details: { database: { status: 'down' } } };
    expect(toReadiness({ status: 200, statusText: 'OK', headers: headers() }, body).state).toBe('unavailable');
  });

  it('throws ApiError for a 503 that did not come from the API (a proxy with no backend)', () => {
    expect(() => toReadiness({ status: 503, statusText: 'Service Unavailable', headers: headers() }, '')).toThrow(
      ApiError,
    );
  });

  it('throws ApiError for other failures, keeping the API error body', () => {
    const body = {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Unexpected failure',
    };
    try {
      toReadiness({ status: 500, statusText: '', headers: headers('req-4') }, body);
      expect.unreachable('a 500 must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        statusCode: 500,
        message: 'Unexpected failure',
        requestId: 'req-4',
      });
    }
  });

  it('throws ApiUnreachableError when a 200 is not a readiness answer', () => {
    expect(() => toReadiness({ status: 200, statusText: 'OK', headers: headers() }, { hello: 'world' })).toThrow(
      ApiUnreachableError,
    );
  });
});

describe('getReadiness', () => {
  it('asks GET /api/health/ready and reports ready', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, upBody, 'req-10'));

    await expect(getReadiness({ client })).resolves.toMatchObject({
      state: 'ready',
      requestId: 'req-10',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/health/ready');
  });

  it('resolves to "unavailable" on the API’s 503', async () => {
    const { client } = fakeApiClient(() => jsonResponse(503, downBody));
    await expect(getReadiness({ client })).resolves.toMatchObject({
      state: 'unavailable',
      database: { status: 'down' },
    });
  });

  it('rejects with ApiUnreachableError when the connection fails', async () => {
    const { client } = fakeApiClient(() => {
      throw new TypeError('fetch failed');
    });
    await expect(getReadiness({ client })).rejects.toBeInstanceOf(ApiUnreachableError);
  });

  it('rejects with ApiUnreachableError when an HTML page answers instead of the API', async () => {
    const { client } = fakeApiClient(
      () =>
        new Response('<!doctype html><html></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    await expect(getReadiness({ client })).rejects.toBeInstanceOf(ApiUnreachableError);
  });
});
