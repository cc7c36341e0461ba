import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../lib/forms/form-errors';
import type { Version } from '../api/get-version';
import { useRejectVersion } from '../api/reject-version';

/** Rejects a version for one party, with the reason everyone taking part is told. */
export function RejectVersionModal({
  workspaceId,
  matrixId,
  version,
  party,
  onClose,
}: {
  workspaceId: string;
  matrixId: string;
  version: Version;
  party: string | null;
  onClose: () => void;
}) {
  const partyName = version.signers.find((s) => s.partyKey === party)?.partyName ?? party ?? '';
  return (
    <Modal
      opened={party !== null}
      onClose={onClose}
      title={<Text fw={700}>{`Reject version ${version.number}`}</Text>}
      centered
    >
      {party !== null ? (
        <RejectForm
          workspaceId={workspaceId}
          matrixId={matrixId}
          version={version}
          party={party}
          partyName={partyName}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function RejectForm({
  workspaceId,
  matrixId,
  version,
  party,
  partyName,
  onDone,
}: {
  workspaceId: string;
  matrixId: string;
  version: Version;
  party: string;
  partyName: string;
  onDone: () => void;
}) {
  const reject = useRejectVersion(workspaceId, matrixId, version.number);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError('Say what must change before you would sign');
      return;
    }
    reject.mutate(
      { party, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'orange',
            message: `Version ${version.number} is rejected for ${partyName}. Everyone taking part is told why.`,
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Reject for ${partyName}`}>
      <Stack gap="md">
        <Text size="sm">
          Rejecting for <strong>{partyName}</strong> ends version {version.number} for everyone: it cannot be approved
          any more. The draft stays as it is, to be changed and sent for sign-off again.
        </Text>
        {reject.error ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not rejected">
            {errorMessage(reject.error)}
          </Alert>
        ) : null}
        <Textarea
          label="Reason"
          placeholder="Backups must stay with the MSP until the new NAS is in."
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          required
          data-autofocus
          value={reason}
          error={reasonError}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={reject.isPending}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={reject.isPending}>
            Reject version {version.number}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
