import { describe, expect, it } from 'vitest';
import type { Me, Membership } from '../../../lib/auth/session';
import { isInvitee, joinedMembership } from './destination';

function membership(overrides: Partial<Membership>): Membership {
  return {
    workspaceId: 'ws-1',
    workspaceName: 'Northwind IT Services',
    membershipId: 'm1',
    role: 'msp_admin',
    clientId: null,
    clientName: null,
    permissions: [],
    ...overrides,
  };
}

const me: Me = {
  user: { id: 'u1', email: 'Ida@HarborDental.example', name: 'Ida Lindqvist' },
  memberships: [
    membership({ workspaceId: 'ws-0', workspaceName: 'Bluepeak Managed IT', role: 'client_owner', clientName: 'Acme' }),
    membership({ workspaceId: 'ws-2', role: 'client_owner', clientId: 'c2', clientName: 'Summit Logistics' }),
    membership({ workspaceId: 'ws-1', role: 'client_it_admin', clientId: 'c1', clientName: 'Harbor Dental' }),
  ],
};

describe('joinedMembership', () => {
  it('finds the membership by workspace, role and client', () => {
    const joined = joinedMembership(me, {
      workspaceName: 'Northwind IT Services',
      role: 'client_it_admin',
      clientName: 'Harbor Dental',
    });
    expect(joined?.workspaceId).toBe('ws-1');
  });

  it('falls back to the workspace by name, then to the first membership', () => {
    expect(
      joinedMembership(me, { workspaceName: 'Northwind IT Services', role: 'msp_admin', clientName: null })
        ?.workspaceId,
    ).toBe('ws-2');
    expect(joinedMembership(me, { workspaceName: 'Elsewhere', role: 'msp_admin', clientName: null })?.workspaceId).toBe(
      'ws-0',
    );
  });
});

describe('isInvitee', () => {
  it('compares addresses without case and needs someone signed in', () => {
    expect(isInvitee(me, { email: 'ida@harbordental.example' })).toBe(true);
    expect(isInvitee(me, { email: 'olivia@harbordental.example' })).toBe(false);
    expect(isInvitee(null, { email: 'ida@harbordental.example' })).toBe(false);
  });
});
