import { describe, expect, it } from 'vitest';
import { fakeApiClient, jsonResponse } from '../../../test/fake-api';
import { createInvitation, invitationBody } from './create-invitation';

describe('invitationBody', () => {
  it('sends a client only with a client role', () => {
    expect(invitationBody({ email: ' ida@harbordental.example ', role: 'client_it_admin', clientId: 'c1' })).toEqual({
      email: 'ida@harbordental.example',
      role: 'client_it_admin',
      clientId: 'c1',
    });
    expect(invitationBody({ email: 'sam@northwind.example', role: 'msp_engineer', clientId: 'c1' })).toEqual({
      email: 'sam@northwind.example',
      role: 'msp_engineer',
    });
  });
});

describe('createInvitation', () => {
  it('posts to the workspace of the address with the CSRF header', async () => {
    const { client, requests } = fakeApiClient(() =>
      jsonResponse(201, { id: 'i1', email: 'ida@harbordental.example', acceptUrl: 'http://x/invitations/t' }),
    );
    await createInvitation(
      'ws-1',
      { email: 'ida@harbordental.example', role: 'client_owner', clientId: 'c1' },
      { client },
    );

    const request = requests[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/workspaces/ws-1/invitations');
    expect(request?.headers.get('X-Accord-Csrf')).toBe('1');
    expect(await request?.json()).toEqual({ email: 'ida@harbordental.example', role: 'client_owner', clientId: 'c1' });
  });
});
