import { Alert, Anchor, Button, Card, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCertificate, IconClock, IconHistory, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { versionPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useMatrix } from '../../matrices/api/get-matrix';
import { useMatrixEvents } from '../../matrices/hooks/use-matrix-events';
import { useVersions } from '../api/list-versions';
import { shortHash } from '../lib/hash';
import { listNames, signerProgress } from '../lib/signers';
import { AgreementNav } from './agreement-nav';
import { RequestSignOffModal } from './request-sign-off-modal';
import { SignerProgress } from './signer-progress';
import { InEffectBadge, VersionStatusBadge } from './status-badges';

function DateText({ iso }: { iso: string }) {
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text span size="sm" component="time" dateTime={iso} tabIndex={0}>
        {formatDate(iso)}
      </Text>
    </Tooltip>
  );
}

/** The versions of a matrix, newest first, and the way to send the draft for sign-off. */
export function VersionsPage({ matrixId }: { matrixId: string }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const matrix = useMatrix(workspaceId, matrixId);
  const versions = useVersions(workspaceId, matrixId);
  const [requesting, setRequesting] = useState(false);
  useMatrixEvents(workspaceId, matrixId);

  const list = versions.data ?? [];
  const edits = workspace.can('matrix.edit');
  const pending = list.find((v) => v.status === 'pending');
  const inEffect = list.find((v) => v.inEffect);
  const canRequest = edits && matrix.isSuccess && versions.isSuccess;

  const requestButton = edits ? (
    <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setRequesting(true)} disabled={!canRequest}>
      Request sign-off
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <title>{`Versions · ${matrix.data?.name ?? 'Matrix'} · Accord`}</title>
      <AgreementNav workspaceId={workspaceId} matrixId={matrixId} matrixName={matrix.data?.name} current="versions" />
      <PageHeader
        title="Versions & sign-off"
        description={
          <>
            {matrix.data ? `${matrix.data.name}. ` : ''}Each version is a frozen copy of the draft and its escalation
            policy, identified by its SHA-256. When every required party has signed, it is the agreement in effect.
          </>
        }
        actions={requestButton}
      />

      {versions.isError ? (
        <ErrorAlert
          error={versions.error}
          title="Could not load the versions"
          onRetry={() => void versions.refetch()}
        />
      ) : null}

      {versions.isSuccess && list.length > 0 ? (
        <Group gap="md" align="stretch" wrap="wrap">
          <Alert
            color={inEffect ? 'teal' : 'gray'}
            variant="light"
            icon={<IconCertificate aria-hidden />}
            title={inEffect ? `Version ${inEffect.number} is in effect` : 'No agreement in effect yet'}
            style={{ flex: '1 1 280px' }}
          >
            {inEffect ? (
              <Text size="sm">
                Approved {inEffect.decidedAt ? `on ${formatDate(inEffect.decidedAt)}` : ''} by every required party.{' '}
                <Anchor component={Link} to={versionPath(workspaceId, matrixId, inEffect.number)} size="sm">
                  Open version {inEffect.number}
                </Anchor>
              </Text>
            ) : (
              <Text size="sm">No version has been signed by every required party yet.</Text>
            )}
          </Alert>
          {pending ? (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconClock aria-hidden />}
              title={`Version ${pending.number} awaits signatures`}
              style={{ flex: '1 1 280px' }}
            >
              <Text size="sm">
                {signerProgress(pending.signers).waitingFor.length > 0
                  ? `Waiting for ${listNames(signerProgress(pending.signers).waitingFor)}. `
                  : ''}
                <Anchor component={Link} to={versionPath(workspaceId, matrixId, pending.number)} size="sm">
                  Open version {pending.number}
                </Anchor>
              </Text>
            </Alert>
          ) : null}
        </Group>
      ) : null}

      {versions.isSuccess && list.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={IconHistory}
            title="No versions yet"
            description={
              edits
                ? 'When the draft is ready, request sign-off: it is frozen into version 1, and every party required to sign is asked to.'
                : 'When the MSP or internal IT requests sign-off, the version appears here for everyone to read and sign.'
            }
            action={requestButton}
          />
        </Card>
      ) : null}

      {versions.isPending || list.length > 0 ? (
        <Card padding={0} withBorder>
          <ListTable
            aria-label="Versions, newest first"
            minWidth={820}
            pending={versions.isPending}
            loadingLabel="Loading versions…"
            columns={[
              { label: 'Version', width: 120 },
              { label: 'Status', width: 200 },
              { label: 'Signatures', width: 180 },
              { label: 'Requested' },
              { label: 'Decided', width: 130 },
              { label: 'SHA-256', width: 150 },
            ]}
          >
            {list.map((version) => (
              <Table.Tr key={version.number} data-version={version.number}>
                <Table.Td>
                  <Anchor component={Link} to={versionPath(workspaceId, matrixId, version.number)} fw={600}>
                    Version {version.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <VersionStatusBadge status={version.status} />
                    {version.inEffect ? <InEffectBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SignerProgress signers={version.signers} status={version.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{version.requestedBy.name}</Text>
                  <DateText iso={version.requestedAt} />
                </Table.Td>
                <Table.Td>
                  {version.decidedAt ? (
                    <DateText iso={version.decidedAt} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      –
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={version.hash} withArrow maw={340} multiline style={{ wordBreak: 'break-all' }}>
                    <Code fz="xs" tabIndex={0}>
                      {shortHash(version.hash)}
                    </Code>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Card>
      ) : null}

      {matrix.data && versions.data ? (
        <RequestSignOffModal
          matrix={matrix.data}
          versions={versions.data}
          opened={requesting}
          onClose={() => setRequesting(false)}
        />
      ) : null}
    </Stack>
  );
}
