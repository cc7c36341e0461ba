import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Version } from '../api/get-version';
import { useRejectVersion } from '../api/reject-version';
import { PartyDecisionModal } from './party-decision-modal';
import { ReasonForm } from './reason-form';

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
  return (
    <PartyDecisionModal
      version={version}
      party={party}
      onClose={onClose}
      title={() => `Reject version ${version.number}`}
    >
      {(key, partyName) => (
        <RejectForm
          workspaceId={workspaceId}
          matrixId={matrixId}
          version={version}
          party={key}
          partyName={partyName}
          onDone={onClose}
        />
      )}
    </PartyDecisionModal>
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
  return (
    <ReasonForm
      label={`Reject for ${partyName}`}
      intro={
        <Text size="sm">
          Rejecting for <strong>{partyName}</strong> ends version {version.number} for everyone: it cannot be approved
          any more. The draft stays as it is, to be changed and sent for sign-off again.
        </Text>
      }
      placeholder="Backups must stay with the MSP until the new NAS is in."
      missing="Say what must change before you would sign"
      errorTitle="Not rejected"
      error={reject.error}
      pending={reject.isPending}
      submitLabel={`Reject version ${version.number}`}
      onSubmit={(reason) =>
        reject.mutate(
          { party, reason },
          {
            onSuccess: () => {
              notifications.show({
                color: 'orange',
                message: `Version ${version.number} is rejected for ${partyName}. Everyone taking part is told why.`,
              });
              onDone();
            },
          },
        )
      }
      onCancel={onDone}
    />
  );
}
