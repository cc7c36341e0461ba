import { CLIENT_ROLES, isClientRole, isRole, MSP_ROLES, type Role, ROLE_LABELS } from '@accord/raci';

/** One line on what each role is for, shown when choosing a role. */
export const ROLE_HINTS: Readonly<Record<Role, string>> = {
  msp_admin: 'Everything in the workspace, including clients and people.',
  msp_engineer: 'Edits and signs for the MSP on every client.',
  client_it_admin: 'Edits, claims and signs for internal IT of one client.',
  client_owner: 'Reads, comments and approves for the business of one client.',
  client_viewer: 'Reads the matrix of one client.',
};

/** The role select's options: MSP roles, then client roles, labelled from @accord/raci. */
export function roleOptions(): { group: string; items: { value: Role; label: string }[] }[] {
  return [
    { group: 'MSP (whole workspace)', items: MSP_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })) },
    { group: 'Client company', items: CLIENT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })) },
  ];
}

/** A role from a select's value, or null. */
export function roleFrom(value: string): Role | null {
  return isRole(value) ? value : null;
}

/** Whether a role and client choice can be sent: client roles need a client. */
export function roleChoiceMessage(role: string, clientId: string): { role?: string; clientId?: string } {
  const parsed = roleFrom(role);
  if (!parsed) return { role: 'Choose a role' };
  if (isClientRole(parsed) && !clientId) return { clientId: 'Choose the client this person belongs to' };
  return {};
}
