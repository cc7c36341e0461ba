import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, isClientRole } from '@accord/raci';
import { IconAlertTriangle, IconCheck, IconCopy, IconLink, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { emailMessage } from '../../../lib/forms/validation';
import { type ClientView as Client, isArchivedClient as isArchived } from '../../../lib/api/types';
import { useCreateInvitation } from '../api/create-invitation';
import type { Invitation } from '../api/list-invitations';
import { ROLE_HINTS, roleChoiceMessage, roleFrom } from '../lib/roles';
import { RoleFields } from './role-fields';

const FIELDS = ['email', 'role', 'clientId'] as const;

/**
 * The link of a new invitation, when the API could not e-mail it (no mail server configured).
 * It is shown once: the API stores only its hash.
 */
function AcceptLinkPanel({
  invitation,
  clientName,
  onDismiss,
}: {
  invitation: Invitation & { acceptUrl: string };
  clientName: string | null;
  onDismiss: () => void;
}) {
  return (
    <Alert
      color="accord"
      variant="light"
      icon={<IconLink aria-hidden />}
      title={`Invitation link for ${invitation.email}`}
      withCloseButton
      closeButtonLabel="Dismiss invitation link"
      onClose={onDismiss}
      aria-live="polite"
    >
      <Stack gap="xs">
        <Text size="sm">
          Accord has no mail server set up, so send this link to {invitation.email} yourself. It joins them as{' '}
          {ROLE_LABELS[invitation.role]}
          {clientName ? ` of ${clientName}` : ''} and works once, for 7 days. It is shown only now.
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code
            block
            fz="xs"
            style={{ flex: 1, minWidth: 0, overflowX: 'auto', whiteSpace: 'nowrap' }}
            data-testid="accept-url"
          >
            {invitation.acceptUrl}
          </Code>
          <CopyButton value={invitation.acceptUrl} timeout={2500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
                <ActionIcon
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'green' : undefined}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? 'Link copied' : 'Copy invitation link'}
                >
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Invites someone by e-mail to a role (and, for client roles, a client). */
export function InviteForm({
  workspaceId,
  clients,
  clientsLoading,
}: {
  workspaceId: string;
  clients: readonly Client[];
  clientsLoading: boolean;
}) {
  const create = useCreateInvitation(workspaceId);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<(Invitation & { acceptUrl: string }) | null>(null);
  const activeClients = clients.filter((client) => !isArchived(client));
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const form = useForm({
    initialValues: { email: '', role: '', clientId: '' },
    validate: (values) => ({ email: emailMessage(values.email), ...roleChoiceMessage(values.role, values.clientId) }),
  });

  const submit = form.onSubmit((values) => {
    const role = roleFrom(values.role);
    if (!role) return;
    setFormError(null);
    setCreated(null);
    create.mutate(
      { email: values.email, role, clientId: isClientRole(role) ? values.clientId : undefined },
      {
        onSuccess: (invitation) => {
          const { acceptUrl } = invitation;
          if (acceptUrl) setCreated({ ...invitation, acceptUrl });
          else notifications.show({ color: 'green', message: `Invitation e-mailed to ${invitation.email}.` });
          form.reset({ email: '', role: values.role, clientId: values.clientId });
        },
        onError: (error) => {
          const { fields, message } = toFormErrors(error, FIELDS);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });

  const chosenRole = roleFrom(form.values.role);
  const fieldStyle = { style: { flex: '1 1 200px', minWidth: 0 } };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label="Invite someone">
        <Stack gap="xs">
          {formError ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              withCloseButton
              closeButtonLabel="Dismiss"
              onClose={() => setFormError(null)}
            >
              {formError}
            </Alert>
          ) : null}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="E-mail"
              type="email"
              placeholder="name@company.com"
              autoComplete="off"
              required
              {...fieldStyle}
              {...form.inputProps('email')}
            />
            <RoleFields
              role={form.values.role}
              clientId={form.values.clientId}
              clients={activeClients}
              clientsLoading={clientsLoading}
              roleError={form.errors.role}
              clientError={form.errors.clientId}
              onRoleChange={(role) => form.setValue('role', role)}
              onClientChange={(clientId) => form.setValue('clientId', clientId)}
              withHint={false}
              inputProps={fieldStyle}
            />
            <Button
              type="submit"
              loading={create.isPending}
              leftSection={<IconSend size={16} aria-hidden />}
              mt={{ base: 0, sm: 25 }}
            >
              Send invitation
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mih={18}>
            {chosenRole
              ? ROLE_HINTS[chosenRole]
              : 'A colleague at your MSP, or the IT admin or business owner of a client.'}
          </Text>
        </Stack>
      </form>
      {created ? (
        <AcceptLinkPanel
          invitation={created}
          clientName={created.clientId ? (clientNames.get(created.clientId) ?? null) : null}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
    </Stack>
  );
}
