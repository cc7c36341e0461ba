import {
  Alert,
  Anchor,
  Button,
  Card,
  Divider,
  Group,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { ROLE_LABELS } from '@accord/raci';
import { IconAlertTriangle, IconLinkOff, IconMailOpened, IconUserCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../../components/auth-card';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api/api-error';
import type { Me } from '../../../lib/auth/session';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { MIN_PASSWORD_LENGTH, newPasswordMessage, requiredMessage } from '../../../lib/forms/validation';
import { useAcceptInvitation } from '../api/accept-invitation';
import { type InvitationPreview, useInvitation } from '../api/get-invitation';
import { isInvitee } from '../lib/destination';

/** A link that cannot be used (404 unknown, 410 used, revoked or expired), said kindly. */
function UnusableInvitation({ error }: { error: ApiError }) {
  const gone = error.statusCode === 410;
  return (
    <Stack align="center" ta="center" gap="md" py="xl">
      <title>Invitation unavailable · Accord</title>
      <ThemeIcon size={64} radius="xl" variant="light" color="gray" aria-hidden>
        <IconLinkOff size={32} />
      </ThemeIcon>
      <Title order={1} fz="h2">
        {gone ? 'This invitation can no longer be used' : 'This invitation link does not work'}
      </Title>
      <Text c="dimmed" maw={400}>
        {error.message}
      </Text>
      <Text c="dimmed" size="sm" maw={400}>
        {gone
          ? 'If you already joined, sign in. Otherwise ask the person who invited you for a new link.'
          : 'Check that you copied the whole link.'}
      </Text>
      <Group gap="sm">
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
        <Button component={Link} to="/" variant="default">
          Go to home
        </Button>
      </Group>
    </Stack>
  );
}

function InvitationSkeleton() {
  return (
    <Card shadow="md" padding="xl" aria-busy="true">
      <Stack gap="md" role="status" aria-label="Loading the invitation">
        <Skeleton height={28} width="80%" />
        <Skeleton height={14} width="60%" />
        <Skeleton height={72} />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

/** Who invites whom to what: the facts of the invitation before any decision. */
function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  return (
    <Card withBorder shadow="none" radius="md" padding="md" bg="var(--mantine-color-default-hover)">
      <Stack gap={8}>
        <Detail label="Workspace">{invitation.workspaceName}</Detail>
        {invitation.clientName ? <Detail label="Client">{invitation.clientName}</Detail> : null}
        <Detail label="Your role">{ROLE_LABELS[invitation.role]}</Detail>
        <Detail label="Invited address">{invitation.email}</Detail>
        <Detail label="Link expires">
          <span title={formatDateTime(invitation.expiresAt)}>{formatRelativeTime(invitation.expiresAt)}</span>
        </Detail>
      </Stack>
    </Card>
  );
}

const FIELDS = ['name', 'password', 'confirm'] as const;

function AcceptForm({
  token,
  invitation,
  me,
  onAccepted,
  onGone,
}: {
  token: string;
  invitation: InvitationPreview;
  me: Me | null;
  onAccepted: (me: Me) => void;
  onGone: (error: ApiError) => void;
}) {
  const accept = useAcceptInvitation(token);
  const [formError, setFormError] = useState<string | null>(null);
  const signedInAsInvitee = isInvitee(me, invitation);
  const mode = signedInAsInvitee ? 'signed-in' : invitation.accountExists ? 'existing' : 'new';

  const form = useForm({
    initialValues: { name: '', password: '', confirm: '' },
    validate: (values) => {
      if (mode === 'signed-in') return {};
      if (mode === 'existing') return { password: requiredMessage(values.password, 'Enter your password') };
      return {
        name: requiredMessage(values.name, 'Enter your name'),
        password: newPasswordMessage(values.password),
        confirm: values.confirm === values.password ? undefined : 'The passwords do not match',
      };
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input =
      mode === 'signed-in'
        ? {}
        : mode === 'existing'
          ? { password: values.password }
          : { name: values.name.trim(), password: values.password };
    accept.mutate(input, {
      onSuccess: onAccepted,
      onError: (error) => {
        if (error instanceof ApiError && (error.statusCode === 410 || error.statusCode === 404)) {
          onGone(error);
          return;
        }
        if (error instanceof ApiError && error.statusCode === 401 && mode === 'existing') {
          // Cleared first: editing a field clears its error.
          form.setValue('password', '');
          form.setErrors({ password: error.message });
          return;
        }
        const { fields, message } = toFormErrors(error, FIELDS);
        form.setErrors(fields);
        setFormError(message);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        {mode === 'signed-in' ? (
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" color="green" radius="xl" aria-hidden>
              <IconUserCheck size={16} />
            </ThemeIcon>
            <Text size="sm">
              You are signed in as <strong>{me?.user.email}</strong>.
            </Text>
          </Group>
        ) : (
          // For password managers: the account the password belongs to.
          <TextInput label="E-mail" value={invitation.email} readOnly autoComplete="username" variant="filled" />
        )}
        {mode === 'existing' ? (
          <>
            <Text size="sm" c="dimmed">
              You already have an Accord account with this address. Enter its password to join.
            </Text>
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              autoFocus
              {...form.inputProps('password')}
            />
          </>
        ) : null}
        {mode === 'new' ? (
          <>
            <TextInput label="Your name" autoComplete="name" required autoFocus {...form.inputProps('name')} />
            <PasswordInput
              label="Choose a password"
              description={`At least ${MIN_PASSWORD_LENGTH} characters`}
              autoComplete="new-password"
              required
              {...form.inputProps('password')}
            />
            <PasswordInput
              label="Confirm password"
              autoComplete="new-password"
              required
              {...form.inputProps('confirm')}
            />
          </>
        ) : null}
        <Button type="submit" fullWidth loading={accept.isPending} mt="xs">
          {mode === 'signed-in' ? 'Accept' : mode === 'existing' ? 'Sign in to accept' : 'Create account and join'}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * "/invitations/:token": what the invitation is, then the one step that accepts it: a new account,
 * the existing account's password, or (already signed in as the invitee) a single button.
 */
export function InvitationPage({
  token,
  me,
  onAccepted,
  onSignOut,
  signingOut,
}: {
  token: string;
  me: Me | null;
  onAccepted: (me: Me, invitation: InvitationPreview) => void;
  onSignOut: () => void;
  signingOut: boolean;
}) {
  const invitation = useInvitation(token);
  const [goneError, setGoneError] = useState<ApiError | null>(null);

  if (goneError) return <UnusableInvitation error={goneError} />;
  if (invitation.isPending) return <InvitationSkeleton />;
  if (invitation.isError) {
    const error = invitation.error;
    if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 410)) {
      return <UnusableInvitation error={error} />;
    }
    return <ErrorAlert error={error} title="Could not open the invitation" onRetry={() => void invitation.refetch()} />;
  }

  const preview = invitation.data;
  const signedInAsOther = me !== null && !isInvitee(me, preview);
  const joining = preview.clientName ? `${preview.clientName} in ${preview.workspaceName}` : preview.workspaceName;

  return (
    <AuthCard
      title={`Join ${preview.workspaceName}`}
      description={
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMailOpened size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <span>
            You are invited to {joining} as {ROLE_LABELS[preview.role]}, to keep the shared IT responsibility matrix
            with your team.
          </span>
        </Group>
      }
      footer={
        <>
          Not you? This invitation is for {preview.email}.{' '}
          <Anchor component={Link} to="/">
            Learn about Accord
          </Anchor>
        </>
      }
    >
      <title>{`Join ${preview.workspaceName} · Accord`}</title>
      <InvitationSummary invitation={preview} />
      <Divider />
      {signedInAsOther ? (
        <Stack gap="md">
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Signed in as someone else"
          >
            You are signed in as {me.user.email}, but this invitation is for {preview.email}. Sign out to accept it.
          </Alert>
          <Button onClick={onSignOut} loading={signingOut} fullWidth>
            Sign out and continue
          </Button>
        </Stack>
      ) : (
        <AcceptForm
          key={me ? 'signed-in' : 'signed-out'}
          token={token}
          invitation={preview}
          me={me}
          onAccepted={(joined) => onAccepted(joined, preview)}
          onGone={setGoneError}
        />
      )}
    </AuthCard>
  );
}
