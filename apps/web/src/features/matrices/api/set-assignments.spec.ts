import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { setAssignments, staleRowOf } from './set-assignments';

const row = { id: 'r1', version: 4, letters: { p1: 'R', p2: 'A' }, violations: [] };

describe('setAssignments', () => {
  it('sends the row’s complete letters with the version it is based on as If-Match', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, { ...row, version: 5 }));
    await setAssignments(
      'ws-1',
      'm1',
      { responsibilityId: 'r1', version: 4, letters: { p1: 'R', p2: 'A' } },
      { client },
    );

    const request = requests[0];
    expect(request?.method).toBe('PUT');
    expect(new URL(request?.url ?? '').pathname).toBe(
      '/api/workspaces/ws-1/matrices/m1/responsibilities/r1/assignments',
    );
    expect(request?.headers.get('If-Match')).toBe('"4"');
    expect(await request?.json()).toEqual({ letters: { p1: 'R', p2: 'A' } });
  });
});

describe('staleRowOf', () => {
  it('finds the current row in a 412, and nothing in other errors', () => {
    expect(
      staleRowOf(new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x', current: row })),
    ).toEqual(row);
    expect(staleRowOf(new ApiError({ statusCode: 409, error: 'Conflict', message: 'x', current: row }))).toBeNull();
    expect(staleRowOf(new Error('x'))).toBeNull();
  });
});
