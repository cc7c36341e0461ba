import { canSignFor, ROLE_LABELS } from '@accord/raci';
import { Alert, Button, Checkbox, Group, List, Modal, Select, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api/api-error';
import type { MatrixView } from '../../../lib/api/types';
import { versionPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import type { VersionSummary } from '../api/list-versions';
import { useRequestSignOff } from '../api/request-sign-off';
import { nameMatches } from '../lib/names';
import { listNames, signingRolesLabel } from '../lib/signers';
import { SignOffBlockers } from './sign-off-blockers';

/**
 * Freezes the draft into the next version and asks every required party to sign. There is no
 * draft diff to show before the request: the modal shows instead whether the draft keeps the RACI
 * rules, who will be asked, and what happens to a version still waiting for signatures.
 */
export function RequestSignOffModal({
  matrix,
  versions,
  opened,
  onClose,
}: {
  matrix: MatrixView;
  versions: readonly VersionSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Request sign-off</Text>} size="lg" centered>
      {opened ? <RequestForm matrix={matrix} versions={versions} onDone={onClose} /> : null}
    </Modal>
  );
}

function RequestForm({
  matrix,
  versions,
  onDone,
}: {
  matrix: MatrixView;
  versions: readonly VersionSummary[];
  onDone: () => void;
}) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const navigate = useNavigate();
  const request = useRequestSignOff(workspaceId, matrix.id);
  const next = Math.max(0, ...versions.map((v) => v.number)) + 1;
  const pending = versions.find((v) => v.status === 'pending');
  const inEffect = versions.find((v) => v.inEffect);
  const required = matrix.parties.filter((party) => party.requiredToSign);
  const mine = required.filter((party) => canSignFor(workspace.role, party.kind));
  const brokenRows = matrix.responsibilities.filter((row) => row.violations.length > 0);

  const [signNow, setSignNow] = useState(false);
  const [party, setParty] = useState<string | null>(mine[0]?.key ?? null);
  const [name, setName] = useState('');
  const chosen = mine.find((p) => p.key === party) ?? null;
  const nameOk = nameMatches(name, workspace.user.name);
  const ready = !signNow || (chosen !== null && nameOk);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    request.mutate(
      { sign: signNow && chosen ? { party: chosen.key, name: name.trim() } : undefined },
      {
        onSuccess: (version) => {
          notifications.show({
            color: 'green',
            title: `Version ${version.number} sent for sign-off`,
            message:
              signNow && chosen
                ? `You signed for ${chosen.name}. The other parties are asked to sign.`
                : 'Every required party is asked to sign.',
          });
          onDone();
          void navigate(versionPath(workspaceId, matrix.id, version.number));
        },
      },
    );
  };

  const error = request.error;
  const blocked = error instanceof ApiError && error.statusCode === 422;

  return (
    <form onSubmit={submit} noValidate aria-label="Request sign-off">
      <Stack gap="md">
        {brokenRows.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={`The draft breaks a RACI rule on ${brokenRows.length} ${brokenRows.length === 1 ? 'row' : 'rows'}`}
          >
            <Text size="sm">
              Fix {listNames(brokenRows.slice(0, 5).map((row) => `“${row.title}”`))}
              {brokenRows.length > 5 ? ' and others' : ''} first: a version that breaks a rule cannot be signed.
            </Text>
          </Alert>
        ) : (
          <Group gap={8} wrap="nowrap">
            <ThemeIcon color="green" variant="light" radius="xl" size="md" aria-hidden>
              <IconCheck size={16} />
            </ThemeIcon>
            <Text size="sm">
              The draft follows the RACI rules. Escalation paths are checked when you send: a P1 path that reaches
              nobody at some hour blocks sign-off.
            </Text>
          </Group>
        )}

        <Stack gap={6}>
          <Text size="sm" fw={600}>
            What happens
          </Text>
          <List size="sm" spacing={8} icon={<IconInfoCircle size={16} aria-hidden style={{ marginTop: 3 }} />}>
            <List.Item>
              The draft and its escalation policy are frozen into <strong>version {next}</strong>, identified by its
              SHA-256. Later edits of the draft never change it.
            </List.Item>
            {required.length > 0 ? (
              <List.Item>
                {listNames(required.map((p) => p.name))} {required.length === 1 ? 'is' : 'are'} asked to sign, in Accord
                and by e-mail ({required.map((p) => `${p.name}: ${signingRolesLabel(p.kind)}`).join('; ')}).
              </List.Item>
            ) : (
              <List.Item>
                No party is marked as required to sign: mark at least one in the matrix’s parties first.
              </List.Item>
            )}
            {pending ? (
              <List.Item>
                Version {pending.number}, still waiting for signatures, is <strong>superseded</strong>: its signatures
                do not carry over.
              </List.Item>
            ) : null}
            <List.Item>
              When every required party has signed, version {next} is approved and becomes the agreement in effect
              {inEffect ? `, replacing version ${inEffect.number}` : ''}.
            </List.Item>
          </List>
        </Stack>

        {mine.length > 0 ? (
          <Stack gap="xs">
            <Checkbox
              label={mine.length === 1 ? `Sign for ${mine[0].name} now` : 'Sign for one of your parties now'}
              description={`As ${ROLE_LABELS[workspace.role]}, you can sign version ${next} in the same step.`}
              checked={signNow}
              onChange={(event) => setSignNow(event.currentTarget.checked)}
            />
            {signNow ? (
              <Stack gap="xs" pl={32}>
                {mine.length > 1 ? (
                  <Select
                    label="Sign for"
                    data={mine.map((p) => ({ value: p.key, label: p.name }))}
                    value={party}
                    onChange={setParty}
                    allowDeselect={false}
                  />
                ) : null}
                <TextInput
                  label="Type your name to sign"
                  description={`As Accord knows it: ${workspace.user.name}`}
                  placeholder={workspace.user.name}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  autoComplete="off"
                  error={name.trim() !== '' && !nameOk ? 'This is not your name as Accord knows it' : undefined}
                  data-autofocus
                />
              </Stack>
            ) : null}
          </Stack>
        ) : null}

        {blocked ? (
          <SignOffBlockers
            workspaceId={workspaceId}
            matrixId={matrix.id}
            message={error.message}
            details={error.details}
            rows={matrix.responsibilities}
            parties={matrix.parties}
          />
        ) : error ? (
          <ErrorAlert error={error} title="Not sent for sign-off" />
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={request.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={request.isPending} disabled={!ready || required.length === 0}>
            {signNow ? 'Request sign-off and sign' : 'Request sign-off'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
