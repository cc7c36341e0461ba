import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { requiredMessage } from '../../../lib/forms/validation';
import { useCreateClient } from '../api/create-client';
import type { Client } from '../api/list-clients';
import { staleClientOf, useUpdateClient } from '../api/update-client';

const FIELDS = ['name'] as const;

/**
 * Creates a client, or renames `client`. A rename is sent with the version it started from; when
 * someone else changed the client meanwhile (412), the modal says so, shows the name as it is now
 * and lets the person save again on top of it.
 */
export function ClientNameModal({
  workspaceId,
  client,
  opened,
  onClose,
}: {
  workspaceId: string;
  /** The client to rename; undefined to create one. */
  client?: Client;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{client ? `Rename ${client.name}` : 'New client'}</Text>}
      centered
    >
      {/* Mounted per opening, so the form starts from the client as it is. */}
      {opened ? <ClientNameForm workspaceId={workspaceId} client={client} onDone={onClose} /> : null}
    </Modal>
  );
}

function ClientNameForm({ workspaceId, client, onDone }: { workspaceId: string; client?: Client; onDone: () => void }) {
  const create = useCreateClient(workspaceId);
  const update = useUpdateClient(workspaceId);
  const [basis, setBasis] = useState<Client | undefined>(client);
  const [formError, setFormError] = useState<string | null>(null);
  const [staleNotice, setStaleNotice] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: client?.name ?? '' },
    validate: (values) => ({ name: requiredMessage(values.name, 'Enter the client’s name') }),
  });
  const pending = create.isPending || update.isPending;

  const fail = (error: unknown) => {
    const current = staleClientOf(error);
    if (current) {
      setBasis(current);
      setFormError(null);
      setStaleNotice(
        `This client was changed by someone else while you were editing. It is now named “${current.name}”${
          current.archivedAt ? ' and archived' : ''
        }. Check the name and save again.`,
      );
      return;
    }
    const { fields, message } = toFormErrors(error, FIELDS);
    form.setErrors(fields);
    setFormError(message);
  };

  const submit = form.onSubmit(({ name }) => {
    const trimmed = name.trim();
    setFormError(null);
    if (!basis) {
      create.mutate(trimmed, {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: `${created.name} was added to your clients.` });
          onDone();
        },
        onError: fail,
      });
      return;
    }
    if (trimmed === basis.name) {
      onDone();
      return;
    }
    setStaleNotice(null);
    update.mutate(
      { clientId: basis.id, version: basis.version, name: trimmed },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'green', message: `Renamed to ${updated.name}.` });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {staleNotice ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconUsersGroup aria-hidden />}
            title="Changed by someone else"
          >
            {staleNotice}
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label="Client name"
          description={basis ? undefined : 'The company as everyone knows it, e.g. “Harbor Dental”'}
          maxLength={120}
          required
          data-autofocus
          {...form.inputProps('name')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {basis ? 'Save name' : 'Create client'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
