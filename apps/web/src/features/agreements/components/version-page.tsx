import { ROLE_LABELS } from '@accord/raci';
import { Alert, Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCircleCheck, IconCircleX, IconSignature, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api/api-error';
import { matrixVersionsPath, versionPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useMatrix } from '../../matrices/api/get-matrix';
import { useVersion, type Version } from '../api/get-version';
import { useVersions } from '../api/list-versions';
import { isAgreementSnapshot } from '../lib/snapshot';
import { listNames } from '../lib/signers';
import { AgreementNav } from './agreement-nav';
import { HashCode } from './hash-code';
import { RejectVersionModal } from './reject-version-modal';
import { SignVersionModal } from './sign-version-modal';
import { SignersCard } from './signers-card';
import { InEffectBadge, VersionStatusBadge } from './status-badges';
import { VersionChangesCard } from './version-changes-card';
import { VersionFilesCard } from './version-files-card';
import { VersionMatrixTable } from './version-matrix-table';

/** The sign-off page of one version: its status and hash, what it changes, who signed, the matrix, and the proof. */
export function VersionPage({ matrixId, number }: { matrixId: string; number: number }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const matrix = useMatrix(workspaceId, matrixId);
  const version = useVersion(workspaceId, matrixId, number);
  const versions = useVersions(workspaceId, matrixId);
  const [signing, setSigning] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);

  const nav = (
    <AgreementNav workspaceId={workspaceId} matrixId={matrixId} matrixName={matrix.data?.name} current="versions" />
  );

  if (version.isError) {
    const missing = version.error instanceof ApiError && version.error.statusCode === 404;
    return (
      <Stack gap="lg">
        {nav}
        <ErrorAlert
          error={version.error}
          title={missing ? `There is no version ${number} of this matrix` : `Could not load version ${number}`}
          onRetry={missing ? undefined : () => void version.refetch()}
        />
        <Anchor component={Link} to={matrixVersionsPath(workspaceId, matrixId)}>
          See all versions
        </Anchor>
      </Stack>
    );
  }
  if (version.isPending) {
    return (
      <Stack gap="lg" aria-busy aria-label={`Loading version ${number}…`}>
        {nav}
        <Skeleton height={48} width={320} />
        <Skeleton height={90} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton height={400} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton height={300} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }

  const data = version.data;
  const matrixName = matrix.data?.name;
  const list = versions.data ?? [];

  return (
    <Stack gap="lg">
      <title>{`Version ${data.number} · ${matrixName ?? 'Matrix'} · Accord`}</title>
      {nav}
      <PageHeader
        title={`Version ${data.number}`}
        description={
          <Stack gap={6}>
            <Group gap={6}>
              <VersionStatusBadge status={data.status} size="lg" />
              {data.inEffect ? <InEffectBadge size="lg" /> : null}
            </Group>
            <Text size="sm" c="dimmed">
              {matrixName ? `${matrixName} · ` : ''}Requested by {data.requestedBy.name} on{' '}
              {formatDateTime(data.requestedAt)}
              {data.decidedAt && data.status !== 'pending' ? ` · ${data.status} on ${formatDate(data.decidedAt)}` : ''}
            </Text>
          </Stack>
        }
      />

      <StatusNotice
        workspaceId={workspaceId}
        matrixId={matrixId}
        version={data}
        latest={Math.max(data.number, ...list.map((v) => v.number))}
      />

      {data.canSignFor.length > 0 ? (
        <Card
          withBorder
          padding="lg"
          style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
          component="section"
          aria-labelledby="your-signature"
        >
          <Stack gap="sm">
            <Title order={2} fz="h3" id="your-signature">
              Your signature is requested
            </Title>
            <Text size="sm">
              You sign for{' '}
              {listNames(data.canSignFor.map((key) => data.signers.find((s) => s.partyKey === key)?.partyName ?? key))}{' '}
              as {ROLE_LABELS[workspace.role]}. Read what changes and the matrix below, then sign, or reject with a
              reason.
            </Text>
            <Group gap="sm">
              {data.canSignFor.map((key) => {
                const name = data.signers.find((s) => s.partyKey === key)?.partyName ?? key;
                return (
                  <Group key={key} gap="xs">
                    <Button
                      color="green"
                      leftSection={<IconSignature size={16} aria-hidden />}
                      onClick={() => setSigning(key)}
                    >
                      Sign for {name}
                    </Button>
                    <Button
                      variant="light"
                      color="red"
                      leftSection={<IconX size={16} aria-hidden />}
                      onClick={() => setRejecting(key)}
                    >
                      {data.canSignFor.length > 1 ? `Reject for ${name}` : 'Reject'}
                    </Button>
                  </Group>
                );
              })}
            </Group>
          </Stack>
        </Card>
      ) : null}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <VersionChangesCard workspaceId={workspaceId} matrixId={matrixId} number={data.number} versions={list} />
            <Card withBorder padding="lg" component="section" aria-labelledby="matrix-heading">
              <Stack gap="sm">
                <Title order={2} fz="h3" id="matrix-heading">
                  The matrix of version {data.number}
                </Title>
                {isAgreementSnapshot(data.snapshot) ? (
                  <VersionMatrixTable snapshot={data.snapshot} number={data.number} />
                ) : (
                  <Text size="sm" c="dimmed">
                    This version’s snapshot cannot be shown here; download the JSON export to read it.
                  </Text>
                )}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="hash-heading">
              <Stack gap="xs">
                <Title order={2} fz="h3" id="hash-heading">
                  SHA-256
                </Title>
                <Text size="xs" c="dimmed">
                  Computed over the canonical JSON of this version. Every signature binds to it.
                </Text>
                <HashCode hash={data.hash} />
              </Stack>
            </Card>
            <SignersCard version={data} />
            <VersionFilesCard workspaceId={workspaceId} matrixId={matrixId} number={data.number} status={data.status} />
          </Stack>
        </Grid.Col>
      </Grid>

      <SignVersionModal
        workspaceId={workspaceId}
        matrixId={matrixId}
        version={data}
        party={signing}
        onClose={() => setSigning(null)}
      />
      <RejectVersionModal
        workspaceId={workspaceId}
        matrixId={matrixId}
        version={data}
        party={rejecting}
        onClose={() => setRejecting(null)}
      />
    </Stack>
  );
}

function StatusNotice({
  workspaceId,
  matrixId,
  version,
  latest,
}: {
  workspaceId: string;
  matrixId: string;
  version: Version;
  latest: number;
}) {
  if (version.status === 'approved') {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={version.inEffect ? 'Approved and in effect' : 'Approved'}
      >
        {version.inEffect
          ? `Every required party signed${version.decidedAt ? ` by ${formatDate(version.decidedAt)}` : ''}: this is the agreement that holds now.`
          : 'Every required party signed this version; a later approved version has replaced it.'}
      </Alert>
    );
  }
  if (version.status === 'rejected') {
    const rejection = version.signatures.find((s) => s.decision === 'rejected');
    return (
      <Alert color="red" variant="light" icon={<IconCircleX aria-hidden />} title="Rejected">
        {rejection
          ? `${rejection.user.name} rejected it for ${rejection.partyName}: ${rejection.reason ?? 'no reason given'}.`
          : 'A required party rejected this version.'}{' '}
        It can no longer be signed; the draft can be changed and sent for sign-off again.
      </Alert>
    );
  }
  if (version.status === 'superseded') {
    return (
      <Alert color="gray" variant="light" icon={<IconBan aria-hidden />} title="Superseded">
        A later request for sign-off replaced this version before everyone had signed; it can no longer be signed.{' '}
        {latest > version.number ? (
          <Anchor component={Link} to={versionPath(workspaceId, matrixId, latest)} size="sm">
            Open version {latest}
          </Anchor>
        ) : null}
      </Alert>
    );
  }
  return null;
}
