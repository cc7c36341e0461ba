import { ROLES } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { canOpenSection, workspaceNavigation } from './navigation';

const labels = (role: (typeof ROLES)[number]) => workspaceNavigation('ws-1', role).map((item) => item.label);

describe('workspaceNavigation', () => {
  it('shows MSP roles every page of the workspace, the dashboard first', () => {
    expect(labels('msp_admin')).toEqual(['Dashboard', 'Clients', 'People', 'Audit log']);
    expect(labels('msp_engineer')).toEqual(['Dashboard', 'Clients', 'People', 'Audit log']);
  });

  it('hides People from client roles, who may not read the member list', () => {
    expect(labels('client_it_admin')).toEqual(['Dashboard', 'Clients', 'Audit log']);
    expect(labels('client_owner')).toEqual(['Dashboard', 'Clients', 'Audit log']);
  });

  it('shows a viewer the dashboard and the clients page', () => {
    expect(labels('client_viewer')).toEqual(['Dashboard', 'Clients']);
  });

  it('links a client user straight to their company’s matrices, after Clients', () => {
    expect(workspaceNavigation('ws-1', 'client_viewer', 'c-1').map((item) => [item.label, item.to])).toEqual([
      ['Dashboard', '/w/ws-1/dashboard'],
      ['Clients', '/w/ws-1/clients'],
      ['Matrix', '/w/ws-1/clients/c-1/matrices'],
    ]);
  });

  it('links into the workspace of the address', () => {
    expect(workspaceNavigation('ws-1', 'msp_admin').map((item) => item.to)).toEqual([
      '/w/ws-1/dashboard',
      '/w/ws-1/clients',
      '/w/ws-1/people',
      '/w/ws-1/audit',
    ]);
  });
});

describe('canOpenSection', () => {
  it('agrees with the navigation for every role and section', () => {
    for (const role of ROLES) {
      for (const section of ['dashboard', 'clients', 'people', 'audit'] as const) {
        const linked = workspaceNavigation('ws-1', role).some((item) => item.to.endsWith(`/${section}`));
        expect(canOpenSection(role, section)).toBe(linked);
      }
    }
  });
});
