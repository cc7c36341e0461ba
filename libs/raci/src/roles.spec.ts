import { ACTIONS, can, CLIENT_ROLES, isRole, PERMISSIONS, ROLES } from './roles';

describe('the permission table', () => {
  it('gives the MSP admin every action', () => {
    for (const action of ACTIONS) expect(can('msp_admin', action)).toBe(true);
  });

  it('keeps client management and people management with the MSP admin alone', () => {
    for (const role of ROLES.filter((r) => r !== 'msp_admin')) {
      expect(can(role, 'clients.manage')).toBe(false);
      expect(can(role, 'members.manage')).toBe(false);
    }
  });

  it('lets no client role see the workspace member list', () => {
    for (const role of CLIENT_ROLES) expect(can(role, 'members.read')).toBe(false);
  });

  it('lets a viewer read and nothing else', () => {
    expect(PERMISSIONS.client_viewer.every((a) => a.endsWith('.read'))).toBe(true);
    expect(can('client_viewer', 'matrix.edit')).toBe(false);
  });

  it('names only known actions', () => {
    for (const role of ROLES) for (const action of PERMISSIONS[role]) expect(ACTIONS).toContain(action);
  });

  it('recognises role names', () => {
    expect(isRole('client_owner')).toBe(true);
    expect(isRole('owner')).toBe(false);
  });
});
