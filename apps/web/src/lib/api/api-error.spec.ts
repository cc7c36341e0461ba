import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError, isApiErrorBody, send } from './api-error';

function response(status: number, statusText = '', requestId?: string) {
  const headers = new Headers(requestId ? { 'X-Request-Id': requestId } : {});
  return { status, statusText, headers };
}

describe('isApiErrorBody', () => {
  it('accepts the API error shape, with or without details', () => {
    expect(
      isApiErrorBody({
        statusCode: 404,
        error: 'Not Found',
        message: 'Client not found',
      }),
    ).toBe(true);
    expect(
      isApiErrorBody({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        details: [{ field: 'email', message: 'email must be an email' }],
      }),
    ).toBe(true);
  });

  it('rejects bodies that only look similar', () => {
    expect(isApiErrorBody(null)).toBe(false);
    expect(isApiErrorBody('<html>Bad gateway</html>')).toBe(false);
    expect(isApiErrorBody({ statusCode: '404', error: 'Not Found', message: 'x' })).toBe(false);
    expect(
      isApiErrorBody({
        statusCode: 400,
        error: 'Bad Request',
        message: 'x',
        details: [{ field: 1 }],
      }),
    ).toBe(false);
    expect(
      isApiErrorBody({
        statusCode: 400,
        error: 'Bad Request',
        message: ['a', 'b'],
      }),
    ).toBe(false);
  });
});

describe('ApiError.fromResponse', () => {
  it('keeps status, message, field details and the request id of an API error', () => {
    const error = ApiError.fromResponse(response(400, 'Bad Request', 'req-42'), {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      details: [
        { field: 'email', message: 'email must be an email' },
        { field: 'password', message: 'password is too short' },
      ],
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.statusCode).toBe(400);
    expect(error.error).toBe('Bad Request');
    expect(error.message).toBe('Invalid input');
    expect(error.requestId).toBe('req-42');
    expect(error.details).toHaveLength(2);
    expect(error.fieldError('password')).toBe('password is too short');
    expect(error.fieldError('name')).toBeUndefined();
    expect(error.isClientError).toBe(true);
    expect(error.fromApi).toBe(true);
  });

  it('builds a message from the status when the body is not the API error shape', () => {
    const error = ApiError.fromResponse(response(502), '<html>Bad gateway</html>');

    expect(error.statusCode).toBe(502);
    expect(error.error).toBe('Bad Gateway');
    expect(error.message).toBe('The server answered 502 Bad Gateway.');
    expect(error.details).toEqual([]);
    expect(error.requestId).toBeUndefined();
    expect(error.isClientError).toBe(false);
    expect(error.fromApi).toBe(false);
  });

  it('prefers the status text the server sent', () => {
    expect(ApiError.fromResponse(response(418, "I'm a teapot"), undefined).error).toBe("I'm a teapot");
    expect(ApiError.fromResponse(response(499), undefined).error).toBe('Request Failed');
    expect(ApiError.fromResponse(response(599), undefined).error).toBe('Server Error');
  });
});

describe('send', () => {
  it('passes an answer through', async () => {
    await expect(send(async () => 'answer')).resolves.toBe('answer');
  });

  it('turns a failed connection into ApiUnreachableError, keeping the cause', async () => {
    const cause = new TypeError('fetch failed');
    const error = await send(() => Promise.reject(cause)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect((error as ApiUnreachableError).cause).toBe(cause);
  });

  it('lets a cancelled request stay a cancellation', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    await expect(send(() => Promise.reject(abort))).rejects.toBe(abort);
  });
});
