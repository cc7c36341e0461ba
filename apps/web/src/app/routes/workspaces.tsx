import { Button, Container } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoader } from '../../components/page-loader';
import { signInPath, workspacePath } from '../../lib/auth/paths';
import { useSession } from '../../lib/auth/session';

/** "/w": where sign-in lands. Opens the person's first workspace, or says they have none. */
export function WorkspacesRoute() {
  const session = useSession();
  if (session.isPending) return <PageLoader />;
  if (session.isError && session.data === undefined) {
    return (
      <Container size="sm" py={80}>
        <ErrorAlert error={session.error} title="Could not check your sign-in" onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  const me = session.data;
  if (!me) return <Navigate to={signInPath('/w')} replace />;
  const first = me.memberships[0];
  if (first) return <Navigate to={workspacePath(first.workspaceId)} replace />;
  return (
    <Container size="sm" py={64}>
      <title>No workspace yet · Accord</title>
      <EmptyState
        icon={IconBuildingCommunity}
        title="You are not in a workspace yet"
        description="Open the invitation link an MSP admin sent you to join their workspace. Running an MSP yourself? Sign out and start a workspace of your own."
        action={
          <Button component={Link} to="/" variant="default">
            Back to home
          </Button>
        }
      />
    </Container>
  );
}
