import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUsers } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { skipWhileClosed } from '../lib/skip-while-closed';
import { requiredMessage } from '../../../lib/forms/validation';
import type { Matrix } from '../api/get-matrix';
import { staleMatrixOf } from '../api/matrix-cache';
import { useRenameMatrix } from '../api/rename-matrix';

const NAME_MAX = 120;

/** Renames the matrix; a rename by someone else meanwhile is shown before anything is overwritten. */
export const RenameMatrixModal = memo(function RenameMatrixModal({
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
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Rename matrix</Text>} centered>
      {opened ? <RenameForm workspaceId={workspaceId} matrix={matrix} onDone={onClose} /> : null}
    </Modal>
  );
}, skipWhileClosed);

function RenameForm({ workspaceId, matrix, onDone }: { workspaceId: string; matrix: Matrix; onDone: () => void }) {
  const rename = useRenameMatrix(workspaceId, matrix.id, matrix.clientId);
  // The version the rename is based on: the one shown when the dialog opened, or after a conflict the current one.
  const [version, setVersion] = useState(matrix.version);
  const [theirName, setTheirName] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: matrix.name },
    validate: (values) => ({
      name:
        requiredMessage(values.name, 'Enter a name for the matrix') ??
        (values.name.trim().length > NAME_MAX ? `Use at most ${NAME_MAX} characters` : undefined),
    }),
  });

  const submit = form.onSubmit(({ name }) => {
    setFormError(null);
    const trimmed = name.trim();
    if (trimmed === matrix.name && theirName === null) {
      onDone();
      return;
    }
    rename.mutate(
      { name: trimmed, version },
      {
        onSuccess: (renamed) => {
          notifications.show({ color: 'green', message: `The matrix is now called “${renamed.name}”.` });
          onDone();
        },
        onError: (error) => {
          const current = staleMatrixOf(error);
          if (current) {
            setVersion(current.version);
            setTheirName(current.name);
            return;
          }
          const { fields, message } = toFormErrors(error, ['name'] as const);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {theirName !== null ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconUsers aria-hidden />}
            title="Changed by someone else"
          >
            Someone else changed this matrix while you were typing; it is now called “{theirName}”. Save again to use
            your name instead, or cancel to keep theirs.
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Name" maxLength={NAME_MAX} required data-autofocus {...form.inputProps('name')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {theirName !== null ? 'Save mine instead' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
