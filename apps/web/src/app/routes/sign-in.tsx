import { Navigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeNextPath } from '../../lib/auth/paths';
import { useSession } from '../../lib/auth/session';

/** "/sign-in?next=...": once signed in (now or already), continue to `next` or the first workspace. */
export function SignInRoute() {
  const { data: me } = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  if (me) return <Navigate to={next ?? '/w'} replace />;
  return (
    <>
      <title>Sign in · Accord</title>
      <SignInForm signUpHref="/sign-up" />
    </>
  );
}
