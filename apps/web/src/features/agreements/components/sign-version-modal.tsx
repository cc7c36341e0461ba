import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSignature } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ROLE_LABELS } from '@accord/raci';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { errorMessage } from '../../../lib/forms/form-errors';
import type { Version } from '../api/get-version';
import { useSignVersion } from '../api/sign-version';
import { nameMatches } from '../lib/names';
import { HashCode } from './hash-code';
import { PartyDecisionModal } from './party-decision-modal';

/**
 * Signs a version for one party: the person types their name to confirm (the button is enabled
 * once it matches, case aside) and the signature binds to the hash shown.
 */
export function SignVersionModal({
  workspaceId,
  matrixId,
  version,
  party,
  onClose,
}: {
  workspaceId: string;
  matrixId: string;
  version: Version;
  /** The key of the party to sign for; null: closed. */
  party: string | null;
  onClose: () => void;
}) {
  return (
    <PartyDecisionModal
      version={version}
      party={party}
      onClose={onClose}
      title={(partyName) => `Sign version ${version.number} for ${partyName}`}
      size="lg"
    >
      {(key, partyName) => (
        <SignForm
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

function SignForm({
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
  const workspace = useWorkspace();
  const sign = useSignVersion(workspaceId, matrixId, version.number);
  const [name, setName] = useState('');
  const matches = nameMatches(name, workspace.user.name);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!matches) return;
    sign.mutate(
      { party, name: name.trim(), hash: version.hash },
      {
        onSuccess: (signed) => {
          notifications.show({
            color: 'green',
            title: `You signed version ${signed.number} for ${partyName}`,
            message:
              signed.status === 'approved'
                ? `Every required party has signed: version ${signed.number} is approved and in effect.`
                : 'The other parties are still to sign.',
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Sign for ${partyName}`}>
      <Stack gap="md">
        <Text size="sm">
          You confirm, for <strong>{partyName}</strong>, the division of work and the escalation policy of version{' '}
          {version.number} exactly as shown on this page. Your signature is bound to this SHA-256; any change to the
          agreement makes a new version that needs new signatures.
        </Text>
        <HashCode hash={version.hash} />
        <Text size="xs" c="dimmed">
          Accord records your name, your role ({ROLE_LABELS[workspace.role]}), the time, your IP address and your
          browser with the signature.
        </Text>
        {sign.error ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not signed">
            {errorMessage(sign.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Type your full name to sign"
          description={`As Accord knows it: ${workspace.user.name}`}
          placeholder={workspace.user.name}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          autoComplete="off"
          required
          data-autofocus
          error={name.trim() !== '' && !matches ? 'This is not your name as Accord knows it' : undefined}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={sign.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="green"
            leftSection={<IconSignature size={16} aria-hidden />}
            disabled={!matches}
            loading={sign.isPending}
          >
            Sign for {partyName}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
