import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDeclineClaim } from '../api/decline-claim';
import type { Claim } from '../api/list-claims';
import { ReasonForm } from './reason-form';

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
  return (
    <ReasonForm
      label="Decline the claim"
      intro={
        <Text size="sm" c="dimmed">
          The draft stays as it is. {claim.proposedBy.name} gets your reason in Accord and by e-mail.
        </Text>
      }
      placeholder="Onboarding needs the RMM, which internal IT cannot use yet."
      missing={`Say why, so that ${claim.proposedBy.name} knows what to change`}
      errorTitle="Not declined"
      error={decline.error}
      pending={decline.isPending}
      submitLabel="Decline claim"
      onSubmit={(reason) =>
        decline.mutate(
          { claimId: claim.id, version: claim.version, reason },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Declined. ${claim.proposedBy.name} is told why.` });
              onDone();
            },
          },
        )
      }
      onCancel={onDone}
    />
  );
}
