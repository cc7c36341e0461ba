import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { useSignOut } from '../../features/auth/api/sign-out';
import { InvitationPage } from '../../features/invitations/components/invitation-page';
import { joinedMembership } from '../../features/invitations/lib/destination';
import { workspacePath } from '../../lib/auth/paths';
import { useSession } from '../../lib/auth/session';
import { errorMessage } from '../../lib/forms/form-errors';

/** "/invitations/:token": the link in an invitation. On success, into the workspace joined. */
export function InvitationRoute() {
  const { token = '' } = useParams();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();

  if (session.isPending) return <PageLoader />;

  return (
    <InvitationPage
      token={token}
      me={session.data ?? null}
      signingOut={signOut.isPending}
      onSignOut={() =>
        signOut.mutate(undefined, {
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Could not sign out', message: errorMessage(error) }),
        })
      }
      onAccepted={(me, invitation) => {
        const membership = joinedMembership(me, invitation);
        notifications.show({
          color: 'green',
          title: `Welcome to ${invitation.workspaceName}`,
          message: invitation.clientName
            ? `You joined ${invitation.clientName}'s responsibility matrix.`
            : 'You joined the workspace.',
        });
        void navigate(membership ? workspacePath(membership.workspaceId) : '/w', { replace: true });
      }}
    />
  );
}
