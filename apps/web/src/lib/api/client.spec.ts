import { describe, expect, it } from 'vitest';
import { fakeApiClient, jsonResponse } from '../../test/fake-api';
import { CSRF_HEADER } from './client';

describe('the API client', () => {
  it('marks every unsafe request with the CSRF header', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, {}));
    await client.POST('/api/auth/logout');
    await client.PATCH('/api/workspaces/{ws}/clients/{clientId}', {
      params: { path: { ws: 'ws-1', clientId: 'c1' }, header: { 'If-Match': '"1"' } },
      body: { name: 'x' },
    });
    await client.DELETE('/api/workspaces/{ws}/invitations/{invitationId}', {
      params: { path: { ws: 'ws-1', invitationId: 'i1' } },
    });
    expect(requests.map((request) => [request.method, request.headers.get(CSRF_HEADER)])).toEqual([
      ['POST', '1'],
      ['PATCH', '1'],
      ['DELETE', '1'],
    ]);
  });

  it('leaves safe requests without it', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, {}));
    await client.GET('/api/auth/me');
    expect(requests[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('puts the workspace of the address into the path', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, []));
    await client.GET('/api/workspaces/{ws}/clients', { params: { path: { ws: 'ws 1' }, query: { archived: true } } });
    const url = new URL(requests[0]?.url ?? '');
    expect(url.pathname).toBe('/api/workspaces/ws%201/clients');
    expect(url.searchParams.get('archived')).toBe('true');
  });
});
