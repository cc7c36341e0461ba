import { notifications } from '@mantine/notifications';
import { Navigate } from 'react-router';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useSession } from '../../lib/auth/session';

/** "/sign-up": a new MSP workspace. Signed-in visitors go to their workspace instead. */
export function SignUpRoute() {
  const { data: me } = useSession();
  if (me) return <Navigate to="/w" replace />;
  return (
    <>
      <title>Start free · Accord</title>
      <SignUpForm
        onSignedUp={(workspaceName) =>
          notifications.show({
            color: 'green',
            title: `Welcome to Accord`,
            message: `${workspaceName} is ready. Add your first client to get started.`,
          })
        }
      />
    </>
  );
}
