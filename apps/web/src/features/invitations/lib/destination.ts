import type { Me, Membership } from '../../../lib/auth/session';
import type { InvitationPreview } from '../api/get-invitation';

/**
 * The membership an accepted invitation created. The preview names the workspace, client and
 * role (not their ids), so the match is on those; the first membership is the fallback.
 */
export function joinedMembership(
  me: Me,
  invitation: Pick<InvitationPreview, 'workspaceName' | 'role' | 'clientName'>,
): Membership | undefined {
  const exact = me.memberships.find(
    (membership) =>
      membership.workspaceName === invitation.workspaceName &&
      membership.role === invitation.role &&
      (membership.clientName ?? null) === (invitation.clientName ?? null),
  );
  return (
    exact ??
    me.memberships.find((membership) => membership.workspaceName === invitation.workspaceName) ??
    me.memberships[0]
  );
}

/** Whether the signed-in person is the one invited (addresses compare without case). */
export function isInvitee(me: Me | null | undefined, invitation: Pick<InvitationPreview, 'email'>): boolean {
  return Boolean(me) && me?.user.email.trim().toLowerCase() === invitation.email.trim().toLowerCase();
}
