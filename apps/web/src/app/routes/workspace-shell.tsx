import { Button, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoader } from '../../components/page-loader';
import { signInPath } from '../../lib/auth/paths';
import { membershipIn, useSession } from '../../lib/auth/session';
import { WorkspaceProvider } from '../../lib/auth/workspace-context';

function WorkspaceNotFound() {
  return (
    <Container size="sm" py={80}>
      <title>Workspace not found · Accord</title>
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
          <IconBuildingOff size={28} />
        </ThemeIcon>
        <Title order={1} fz="h2">
          Workspace not found
        </Title>
        <Text c="dimmed" maw={440}>
          You are not a member of this workspace, or it does not exist. Ask one of its MSP admins for an invitation.
        </Text>
        <Button component={Link} to="/w">
          Go to my workspace
        </Button>
      </Stack>
    </Container>
  );
}

/**
 * The signed-in shell of /w/:ws/...: signed-out visitors go to sign-in (and come back here
 * afterwards); a workspace the person is not in is "not found"; otherwise the pages below get
 * the workspace and the person's role in it.
 */
export function WorkspaceShellRoute() {
  const { ws } = useParams();
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageLoader />;
  if (session.isError && session.data === undefined) {
    return (
      <Container size="sm" py={80}>
        <ErrorAlert error={session.error} title="Could not check your sign-in" onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  const me = session.data;
  if (!me) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  const membership = membershipIn(me, ws);
  if (!membership) return <WorkspaceNotFound />;
  return (
    <WorkspaceProvider me={me} membership={membership}>
      <Outlet />
    </WorkspaceProvider>
  );
}
