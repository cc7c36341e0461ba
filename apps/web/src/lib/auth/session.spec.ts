import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeApiClient, jsonResponse } from '../../test/fake-api';
import { getMe, type Me, membershipIn, replaceSession, sessionQueryKey } from './session';

const me: Me = {
  user: { id: 'u1', email: 'alex@northwind.example', name: 'Alex Morgan' },
  memberships: [
    {
      workspaceId: 'ws-1',
      workspaceName: 'Northwind IT Services',
      membershipId: 'm1',
      role: 'msp_admin',
      clientId: null,
      clientName: null,
      permissions: [],
    },
  ],
};

describe('getMe', () => {
  it('answers the signed-in person', async () => {
    const { client, requests } = fakeApiClient(() => jsonResponse(200, me));
    await expect(getMe({ client })).resolves.toEqual(me);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/auth/me');
  });

  it('answers null when signed out, instead of failing', async () => {
    const { client } = fakeApiClient(() =>
      jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue.' }),
    );
    await expect(getMe({ client })).resolves.toBeNull();
  });

  it('fails on other errors, so an outage is not mistaken for signed out', async () => {
    const { client } = fakeApiClient(() =>
      jsonResponse(503, { statusCode: 503, error: 'Service Unavailable', message: 'Database down' }),
    );
    await expect(getMe({ client })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('replaceSession', () => {
  it('drops what was cached for the previous person and tells session watchers at once', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionQueryKey, null);
    queryClient.setQueryData(['ws-1', 'clients', { includeArchived: false }], [{ id: 'c1' }]);
    const seen: unknown[] = [];
    const observer = new QueryObserver(queryClient, { queryKey: sessionQueryKey, enabled: false });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));

    replaceSession(queryClient, me);

    expect(seen.at(-1)).toEqual(me);
    expect(queryClient.getQueryData(['ws-1', 'clients', { includeArchived: false }])).toBeUndefined();
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toEqual([sessionQueryKey]);
    unsubscribe();
  });
});

describe('membershipIn', () => {
  it('finds the membership of a workspace, or nothing', () => {
    expect(membershipIn(me, 'ws-1')?.role).toBe('msp_admin');
    expect(membershipIn(me, 'ws-2')).toBeUndefined();
    expect(membershipIn(null, 'ws-1')).toBeUndefined();
    expect(membershipIn(me, undefined)).toBeUndefined();
  });
});
