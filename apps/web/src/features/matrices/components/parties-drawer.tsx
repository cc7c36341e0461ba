import { PARTY_KIND_LABELS } from '@accord/raci';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import type { PartyView } from '../../../lib/api/types';
import { errorMessage, toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { skipWhileClosed } from '../lib/skip-while-closed';
import { requiredMessage } from '../../../lib/forms/validation';
import { useAddParty } from '../api/add-party';
import { useDeleteParty } from '../api/delete-party';
import type { Matrix } from '../api/get-matrix';
import { staleMatrixOf } from '../api/matrix-cache';
import { useUpdateParty } from '../api/update-party';

const NAME_MAX = 60;

function nameMessage(name: string): string | undefined {
  return (
    requiredMessage(name, 'Enter a name for the party') ??
    (name.trim().length > NAME_MAX ? `Use at most ${NAME_MAX} characters` : undefined)
  );
}

/** A failed party change in words; a 412 means the drawer now shows the other person's version. */
function notifyPartyError(error: unknown, party: Pick<PartyView, 'name'>) {
  notifications.show(
    staleMatrixOf(error)
      ? {
          color: 'orange',
          title: 'Changed by someone else',
          message: `“${party.name}” was changed by someone else; it now shows their version. Try again if you still want to change it.`,
        }
      : { color: 'red', title: 'Not saved', message: errorMessage(error) },
  );
}

/**
 * The parties (columns) of the matrix: add a custom party such as a cloud vendor, rename any
 * party, choose who must sign off, and delete custom parties (with their letters).
 */
export const PartiesDrawer = memo(function PartiesDrawer({
  workspaceId,
  matrix,
  opened,
  onClose,
}: {
  workspaceId: string;
  matrix: Matrix;
  opened: boolean;
  onClose: () => void;
}) {
  const update = useUpdateParty(workspaceId, matrix.id);
  const remove = useDeleteParty(workspaceId, matrix.id);
  const [deleting, setDeleting] = useState<PartyView | null>(null);
  const parties = [...matrix.parties].sort((a, b) => a.position - b.position);
  const lettersOf = (party: PartyView) => matrix.responsibilities.filter((row) => row.letters[party.id]).length;

  const toggleSignOff = (party: PartyView, requiredToSign: boolean) => {
    update.mutate(
      { partyId: party.id, version: party.version, changes: { requiredToSign } },
      { onError: (error) => notifyPartyError(error, party) },
    );
  };

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      // Escape in the delete confirmation closes the confirmation only.
      closeOnEscape={deleting === null}
      title={
        <Title order={2} fz="h4">
          Parties
        </Title>
      }
    >
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          Parties are the columns of the matrix. The MSP, internal IT and the business are built in; add others who hold
          responsibilities, such as a cloud vendor.
        </Text>
        <Stack gap="xs" component="ul" aria-label="Parties of this matrix" p={0} m={0} style={{ listStyle: 'none' }}>
          {parties.map((party) => (
            <li key={party.id}>
              <PartyItem
                workspaceId={workspaceId}
                matrixId={matrix.id}
                party={party}
                updating={update.isPending && update.variables?.partyId === party.id}
                onToggleSignOff={(checked) => toggleSignOff(party, checked)}
                onDelete={() => setDeleting(party)}
              />
            </li>
          ))}
        </Stack>
        <Divider />
        <AddPartyForm workspaceId={workspaceId} matrixId={matrix.id} />
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete party"
        color="red"
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(
            { partyId: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `“${deleting.name}” was deleted.` });
                closeDelete();
              },
              onError: (error) => {
                // The confirmation shows the error; a 412 also refreshed the party, so try again with it.
                const current = staleMatrixOf(error)?.parties.find((party) => party.id === deleting.id);
                if (current) setDeleting(current);
              },
            },
          );
        }}
      >
        {deleting ? (
          <>
            The column disappears from the draft
            {lettersOf(deleting) > 0
              ? `, with its letters on ${lettersOf(deleting)} ${lettersOf(deleting) === 1 ? 'responsibility' : 'responsibilities'}`
              : ''}
            . Signed versions keep it.
          </>
        ) : null}
      </ConfirmModal>
    </Drawer>
  );
}, skipWhileClosed);

function PartyItem({
  workspaceId,
  matrixId,
  party,
  updating,
  onToggleSignOff,
  onDelete,
}: {
  workspaceId: string;
  matrixId: string;
  party: PartyView;
  updating: boolean;
  onToggleSignOff: (checked: boolean) => void;
  onDelete: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  return (
    <Paper withBorder p="sm" radius="md">
      {renaming ? (
        <RenamePartyForm
          workspaceId={workspaceId}
          matrixId={matrixId}
          party={party}
          onDone={() => setRenaming(false)}
        />
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Text fw={600} truncate>
                {party.name}
              </Text>
              <Badge size="sm" variant="light" color="gray" tt="none">
                {PARTY_KIND_LABELS[party.kind]}
              </Badge>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Rename" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Rename ${party.name}`}
                  onClick={() => setRenaming(true)}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              {party.kind === 'custom' ? (
                <Tooltip label="Delete" withArrow>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${party.name}`} onClick={onDelete}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          </Group>
          <Switch
            label="Must sign off the agreement"
            aria-label={`${party.name} must sign off the agreement`}
            checked={party.requiredToSign}
            disabled={updating}
            onChange={(event) => onToggleSignOff(event.currentTarget.checked)}
          />
        </Stack>
      )}
    </Paper>
  );
}

function RenamePartyForm({
  workspaceId,
  matrixId,
  party,
  onDone,
}: {
  workspaceId: string;
  matrixId: string;
  party: PartyView;
  onDone: () => void;
}) {
  const update = useUpdateParty(workspaceId, matrixId);
  const form = useForm({
    initialValues: { name: party.name },
    validate: (values) => ({ name: nameMessage(values.name) }),
  });
  const submit = form.onSubmit(({ name }) => {
    const trimmed = name.trim();
    if (trimmed === party.name) {
      onDone();
      return;
    }
    update.mutate(
      { partyId: party.id, version: party.version, changes: { name: trimmed } },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (staleMatrixOf(error)) {
            notifyPartyError(error, party);
            onDone();
            return;
          }
          const { fields, message } = toFormErrors(error, ['name'] as const);
          form.setErrors({ name: fields.name ?? message ?? undefined });
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label={`New name for ${party.name}`}
          maxLength={NAME_MAX}
          required
          data-autofocus
          autoFocus
          // Escape cancels the rename only; Mantine's drawer leaves keys of such elements alone.
          data-mantine-stop-propagation
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
          {...form.inputProps('name')}
        />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone} disabled={update.isPending}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={update.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddPartyForm({ workspaceId, matrixId }: { workspaceId: string; matrixId: string }) {
  const add = useAddParty(workspaceId, matrixId);
  const [requiredToSign, setRequiredToSign] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: (values) => ({ name: nameMessage(values.name) }),
  });
  const submit = form.onSubmit(({ name }) => {
    setFormError(null);
    add.mutate(
      { name: name.trim(), requiredToSign },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `“${name.trim()}” was added as a party.` });
          form.reset();
          setRequiredToSign(false);
        },
        onError: (error) => {
          const { fields, message } = toFormErrors(error, ['name'] as const);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-party-title">
      <Stack gap="sm">
        <Title order={3} fz="h5" id="add-party-title">
          Add a party
        </Title>
        <TextInput
          label="Party name"
          placeholder="Cloud vendor"
          maxLength={NAME_MAX}
          required
          error={form.errors.name ?? formError ?? undefined}
          value={form.values.name}
          onChange={(event) => form.setValue('name', event.currentTarget.value)}
        />
        <Switch
          label="Must sign off the agreement"
          checked={requiredToSign}
          onChange={(event) => setRequiredToSign(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add party
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
