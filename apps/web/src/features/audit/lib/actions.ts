import type { components } from '../../../lib/api/schema';

/** The kinds of audit event, as the API's OpenAPI document enumerates them. */
export type AuditAction = components['schemas']['AuditEventView']['action'];

/**
 * What each action reads as after the actor's name ("Alex Morgan renamed client"). Typed over
 * the generated enum: a kind the API adds fails the typecheck until it has words here.
 */
export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'auth.signed_up': 'signed up',
  'auth.signed_in': 'signed in',
  'auth.sign_in_failed': 'failed to sign in',
  'auth.signed_out': 'signed out',
  'workspace.created': 'created the workspace',
  'client.created': 'created client',
  'client.renamed': 'renamed client',
  'client.archived': 'archived client',
  'client.restored': 'restored client',
  'invitation.created': 'invited',
  'invitation.revoked': 'revoked the invitation of',
  'invitation.accepted': 'accepted an invitation',
  'member.joined': 'joined the workspace',
  'member.role_changed': 'changed the role of',
  'member.removed': 'removed',
  'matrix.created': 'created matrix',
  'matrix.imported': 'imported a file into a matrix',
  'matrix.renamed': 'renamed matrix',
  'matrix.rows_reordered': 'reordered the rows of a matrix',
  'template.saved': 'saved a matrix as a template',
  'matrix.model_changed': 'changed the support model of a matrix',
  'party.created': 'added party',
  'party.updated': 'changed party',
  'party.deleted': 'removed party',
  'responsibility.created': 'added responsibility',
  'responsibility.updated': 'edited responsibility',
  'responsibility.letters_set': 'set the letters of',
  'responsibility.deleted': 'removed responsibility',
  'escalation_policy.updated': 'changed the escalation policy of',
  'escalation_path.reviewed': 'reviewed an escalation path of',
  'claim.proposed': 'made a claim on',
  'claim.accepted': 'accepted a claim on',
  'claim.declined': 'declined a claim on',
  'version.requested': 'requested sign-off of',
  'version.superseded': 'superseded a version of',
  'version.signed': 'signed',
  'version.rejected': 'rejected',
  'version.approved': 'approved',
  'workspace.settings_changed': 'changed the settings of the workspace',
};

/** The filter's choices, in the order of the list above. */
export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

/** Headings that group the actions in the filter. */
const ACTION_GROUPS: readonly { prefix: string; group: string }[] = [
  { prefix: 'auth.', group: 'Sign-in' },
  { prefix: 'workspace.', group: 'Workspace' },
  { prefix: 'client.', group: 'Clients' },
  { prefix: 'invitation.', group: 'Invitations' },
  { prefix: 'member.', group: 'People' },
  { prefix: 'matrix.', group: 'Matrices' },
  { prefix: 'party.', group: 'Parties' },
  { prefix: 'responsibility.', group: 'Responsibilities' },
  { prefix: 'template.', group: 'Templates' },
  { prefix: 'escalation_', group: 'Escalation' },
  { prefix: 'claim.', group: 'Claims' },
  { prefix: 'version.', group: 'Sign-off' },
];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.hasOwn(ACTION_LABELS, value);
}

/**
 * The words for an action. An action this build does not know (a newer API) still reads as
 * words: "matrix.signed_off" -> "matrix: signed off".
 */
export function actionLabel(action: string): string {
  if (isAuditAction(action)) return ACTION_LABELS[action];
  const [entity, verb] = action.includes('.') ? action.split('.', 2) : ['', action];
  const words = (verb ?? '').replaceAll('_', ' ');
  return entity ? `${entity.replaceAll('_', ' ')}: ${words}` : words;
}

const FILTER_LABELS: Partial<Record<AuditAction, string>> = {
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation revoked',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'matrix.imported': 'Matrix imported',
  'matrix.model_changed': 'Support model changed',
  'responsibility.letters_set': 'RACI letters set',
  'escalation_policy.updated': 'Escalation policy changed',
  'escalation_path.reviewed': 'Escalation path reviewed',
  'version.signed': 'Version signed',
  'version.rejected': 'Version rejected',
  'version.approved': 'Version approved',
  'workspace.settings_changed': 'Workspace settings changed',
};

/** The action filter's options, grouped, each with a label that reads on its own. */
export function actionFilterOptions(): { group: string; items: { value: AuditAction; label: string }[] }[] {
  return ACTION_GROUPS.map(({ prefix, group }) => ({
    group,
    items: AUDIT_ACTIONS.filter((action) => action.startsWith(prefix)).map((action) => {
      const label = FILTER_LABELS[action] ?? ACTION_LABELS[action];
      return { value: action, label: label.charAt(0).toUpperCase() + label.slice(1) };
    }),
  }));
}
