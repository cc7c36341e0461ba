import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../lib/forms/form-errors';
import { useDeclineClaim } from '../api/decline-claim';
import type { Claim } from '../api/list-claims';

/** Declines a claim with a reason, which the person who made it is told. */
export function DeclineClaimModal({
  workspaceId,
  matrixId,
  claim,
  onClose,
}: {
  workspaceId: string;
  matrixId: string;
  claim: Claim | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={claim !== null}
      onClose={onClose}
      title={<Text fw={700}>{claim ? `Decline the claim on “${claim.responsibilityTitle}”` : 'Decline'}</Text>}
      centered
    >
      {claim ? <DeclineForm workspaceId={workspaceId} matrixId={matrixId} claim={claim} onDone={onClose} /> : null}
    </Modal>
  );
}

function DeclineForm({
  workspaceId,
  matrixId,
  claim,
  onDone,
}: {
  workspaceId: string;
  matrixId: string;
  claim: Claim;
  onDone: () => void;
}) {
  const decline = useDeclineClaim(workspaceId, matrixId);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(`Say why, so that ${claim.proposedBy.name} knows what to change`);
      return;
    }
    decline.mutate(
      { claimId: claim.id, version: claim.version, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Declined. ${claim.proposedBy.name} is told why.` });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Decline the claim">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The draft stays as it is. {claim.proposedBy.name} gets your reason in Accord and by e-mail.
        </Text>
        {decline.error ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not declined">
            {errorMessage(decline.error)}
          </Alert>
        ) : null}
        <Textarea
          label="Reason"
          placeholder="Onboarding needs the RMM, which internal IT cannot use yet."
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
          <Button variant="default" onClick={onDone} disabled={decline.isPending}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={decline.isPending}>
            Decline claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
