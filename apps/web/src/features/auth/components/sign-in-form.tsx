import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconClockPause } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../../components/auth-card';
import { ApiError } from '../../../lib/api/api-error';
import { formatDuration } from '../../../lib/format';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { emailMessage, requiredMessage } from '../../../lib/forms/validation';
import { useSignIn } from '../api/sign-in';

const FIELDS = ['email', 'password'] as const;

/** Seconds left until `until` (epoch ms), updated every second while positive. */
function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** E-mail and password. The session query takes it from there (the page redirects once signed in). */
export function SignInForm({ signUpHref }: { signUpHref: string }) {
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsUntil(lockedUntil);
  const locked = secondsLeft > 0;

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => ({
      email: emailMessage(values.email),
      password: requiredMessage(values.password, 'Enter your password'),
    }),
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.statusCode === 429) {
            setLockedUntil(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
          }
          // Cleared first: editing a field clears its error.
          form.setValue('password', '');
          const { fields, message } = toFormErrors(error, FIELDS);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });

  return (
    <AuthCard
      title="Sign in to Accord"
      description="Welcome back. Sign in to your MSP's workspace or your company's matrix."
      footer={
        <>
          New to Accord?{' '}
          <Anchor component={Link} to={signUpHref} fw={600}>
            Start free
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={locked ? <IconClockPause aria-hidden /> : <IconAlertTriangle aria-hidden />}
              title={locked ? 'Sign-in paused' : undefined}
            >
              {formError}
              {locked ? ` You can try again in ${formatDuration(secondsLeft)}.` : null}
            </Alert>
          ) : null}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            autoFocus
            {...form.inputProps('email')}
          />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.inputProps('password')} />
          <Button type="submit" fullWidth loading={signIn.isPending} disabled={locked} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
