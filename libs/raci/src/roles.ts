/**
 * Who may do what: one table, read by the API's guards and by the web app (to hide what a person
 * cannot do). A role belongs to a membership: workspace-wide for MSP roles, one client for client
 * roles.
 */
export const ROLES = ['msp_admin', 'msp_engineer', 'client_it_admin', 'client_owner', 'client_viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CLIENT_ROLES: readonly Role[] = ['client_it_admin', 'client_owner', 'client_viewer'];
export const MSP_ROLES: readonly Role[] = ['msp_admin', 'msp_engineer'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isClientRole(role: Role): boolean {
  return CLIENT_ROLES.includes(role);
}

/** The built-in party a role signs and claims for. */
export type BuiltInParty = 'msp' | 'internal_it' | 'business';
export const ROLE_PARTY: Record<Role, BuiltInParty | null> = {
  msp_admin: 'msp',
  msp_engineer: 'msp',
  client_it_admin: 'internal_it',
  client_owner: 'business',
  client_viewer: null,
};

export const ROLE_LABELS: Record<Role, string> = {
  msp_admin: 'MSP admin',
  msp_engineer: 'MSP engineer',
  client_it_admin: 'Internal IT admin',
  client_owner: 'Business owner',
  client_viewer: 'Viewer',
};

export const ACTIONS = [
  'workspace.read',
  'workspace.manage',
  'clients.read',
  'clients.manage',
  'members.read',
  'members.manage',
  'audit.read',
  'matrix.read',
  'matrix.edit',
  'matrix.comment',
  'claims.propose',
  'signoff.sign',
  'templates.manage',
  'escalation.review',
] as const;
export type Action = (typeof ACTIONS)[number];

const everything: readonly Action[] = ACTIONS;

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  msp_admin: everything,
  msp_engineer: ['workspace.read', 'clients.read', 'members.read', 'audit.read', 'matrix.read', 'matrix.edit', 'matrix.comment', 'claims.propose', 'signoff.sign', 'templates.manage', 'escalation.review'],
  client_it_admin: ['workspace.read', 'clients.read', 'audit.read', 'matrix.read', 'matrix.edit', 'matrix.comment', 'claims.propose', 'signoff.sign'],
  client_owner: ['workspace.read', 'clients.read', 'audit.read', 'matrix.read', 'matrix.comment', 'signoff.sign'],
  client_viewer: ['workspace.read', 'clients.read', 'matrix.read'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
