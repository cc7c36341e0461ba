import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from '../../../lib/api/api-error';
import type { Health } from '../api/get-health';
import type { Readiness } from '../api/get-readiness';
import { type QuerySnapshot, toApiStatus, toDatabaseStatus } from './use-system-status';

function snapshot<T>(overrides: Partial<QuerySnapshot<T>>): QuerySnapshot<T> {
  return {
    status: 'pending',
    data: undefined,
    error: null,
    dataUpdatedAt: 0,
    errorUpdatedAt: 0,
    ...overrides,
  };
}

const health: Health = {
  status: 'ok',
  version: '1.2.3',
  uptimeSeconds: 10,
  requestId: 'req-h',
};
const ready: Readiness = {
  state: 'ready',
  database: { status: 'up', message: undefined },
  requestId: 'req-r',
};
const notReady: Readiness = {
  state: 'unavailable',
  database: { status: 'down', message: 'connection refused' },
  requestId: 'req-u',
};

describe('toApiStatus', () => {
  it('is pending before the first answer', () => {
    expect(toApiStatus(snapshot<Health>({}))).toEqual({ state: 'pending' });
  });

  it('is online with version and request id after a 200', () => {
    expect(toApiStatus(snapshot({ status: 'success', data: health, dataUpdatedAt: 5 }))).toEqual({
      state: 'online',
      version: '1.2.3',
      uptimeSeconds: 10,
      requestId: 'req-h',
      checkedAt: 5,
    });
  });

  it('turns offline when the latest check failed, even with an earlier good answer', () => {
    const status = toApiStatus(
      snapshot({
        status: 'error',
        data: health,
        error: new ApiUnreachableError(),
        errorUpdatedAt: 9,
      }),
    );
    expect(status).toEqual({
      state: 'offline',
      reason: 'No answer from the API.',
      requestId: undefined,
      checkedAt: 9,
    });
  });

  it('names the status and request id of an API error', () => {
    const error = new ApiError({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Boom',
      requestId: 'r9',
    });
    expect(toApiStatus(snapshot<Health>({ status: 'error', error }))).toMatchObject({
      state: 'offline',
      reason: '500 Internal Server Error: Boom',
      requestId: 'r9',
    });
  });

  it('says the API did not answer when a proxy answered in its place', () => {
    const error = new ApiError({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'x',
      fromApi: false,
    });
    expect(toApiStatus(snapshot<Health>({ status: 'error', error }))).toMatchObject({
      state: 'offline',
      reason: 'No answer from the API (502 Bad Gateway).',
    });
  });
});

describe('toDatabaseStatus', () => {
  it('is pending before the first answer', () => {
    expect(toDatabaseStatus(snapshot<Readiness>({}))).toEqual({
      state: 'pending',
    });
  });

  it('is ready when readiness says ready', () => {
    expect(toDatabaseStatus(snapshot({ status: 'success', data: ready, dataUpdatedAt: 3 }))).toEqual({
      state: 'ready',
      requestId: 'req-r',
      checkedAt: 3,
    });
  });

  it('is unavailable, with the reason, when readiness answered 503', () => {
    expect(toDatabaseStatus(snapshot({ status: 'success', data: notReady }))).toMatchObject({
      state: 'unavailable',
      reason: 'connection refused',
    });
  });

  it('is unknown when the API could not be asked', () => {
    expect(
      toDatabaseStatus(
        snapshot<Readiness>({
          status: 'error',
          error: new ApiUnreachableError(),
        }),
      ),
    ).toMatchObject({
      state: 'unknown',
    });
  });
});
