import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { archiveClient } from './archive-client';
import { type Client, clientsQueryOptions } from './list-clients';
import { staleClientOf, storeClient, updateClient } from './update-client';

const client: Client = {
  id: 'c1',
  name: 'Harbor Dental',
  archivedAt: null,
  version: 2,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

describe('updateClient', () => {
  it('sends the version it is based on as If-Match', async () => {
    const { client: api, requests } = fakeApiClient(() =>
      jsonResponse(200, { ...client, name: 'Harbor Dental Group', version: 3 }),
    );
    await updateClient('ws-1', { clientId: 'c1', version: 2, name: 'Harbor Dental Group' }, { client: api });

    const request = requests[0];
    expect(request?.method).toBe('PATCH');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/workspaces/ws-1/clients/c1');
    expect(request?.headers.get('If-Match')).toBe('"2"');
    expect(await request?.json()).toEqual({ name: 'Harbor Dental Group' });
  });

  it('archives with DELETE and If-Match', async () => {
    const { client: api, requests } = fakeApiClient(() =>
      jsonResponse(200, { ...client, archivedAt: 'x', version: 3 }),
    );
    await archiveClient('ws-1', { clientId: 'c1', version: 2 }, { client: api });
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.headers.get('If-Match')).toBe('"2"');
  });
});

describe('staleClientOf', () => {
  it('finds the current client in a 412, and nothing in other errors', () => {
    const current = { ...client, name: 'Harbor Dental Group', version: 3 };
    expect(
      staleClientOf(new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x', current })),
    ).toEqual(current);
    expect(
      staleClientOf(new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x', current: null })),
    ).toBeNull();
    expect(staleClientOf(new ApiError({ statusCode: 409, error: 'Conflict', message: 'x', current }))).toBeNull();
    expect(staleClientOf(new Error('x'))).toBeNull();
  });
});

describe('storeClient', () => {
  it('replaces the client in every cached list of the workspace, and only there', () => {
    const queryClient = new QueryClient();
    const active = clientsQueryOptions('ws-1', false).queryKey;
    const all = clientsQueryOptions('ws-1', true).queryKey;
    const otherWorkspace = clientsQueryOptions('ws-2', false).queryKey;
    for (const key of [active, all, otherWorkspace]) queryClient.setQueryData(key, [client]);

    storeClient(queryClient, 'ws-1', { ...client, name: 'Harbor Dental Group', version: 3 });

    expect(queryClient.getQueryData(active)?.[0]?.name).toBe('Harbor Dental Group');
    expect(queryClient.getQueryData(all)?.[0]?.version).toBe(3);
    expect(queryClient.getQueryData(otherWorkspace)?.[0]?.name).toBe('Harbor Dental');
  });

  it('keys every clients query by the workspace first', () => {
    expect(clientsQueryOptions('ws-1', true).queryKey).toEqual(['ws-1', 'clients', { includeArchived: true }]);
  });
});
