import { SUPPORT_MODEL_LABELS, type SupportModel } from '@accord/raci';
import {
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingSkyscraper,
  IconCalendarDue,
  IconCertificate,
  IconHandGrab,
  type Icon,
  IconSignature,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import {
  clientMatricesPath,
  matrixClaimsPath,
  matrixPath,
  matrixVersionsPath,
  versionPath,
  workspacePath,
} from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type DashboardClient, type DashboardMatrix, useDashboard } from '../api/get-dashboard';
import { reviewLook } from '../lib/review';
import { ReviewSettingsCard } from './review-settings-card';

function StatCard({
  label,
  value,
  hint,
  icon: StatIcon,
  alert,
}: {
  label: string;
  value: number;
  hint: string;
  icon: Icon;
  alert?: boolean;
}) {
  const color = alert && value > 0 ? 'red' : 'accord';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text fz={28} fw={800} lh={1.1} c={alert && value > 0 ? 'red.7' : undefined} data-testid={`total-${label}`}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
          <StatIcon size={20} />
        </ThemeIcon>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {hint}
      </Text>
    </Paper>
  );
}

function InEffectCell({ workspaceId, matrix }: { workspaceId: string; matrix: DashboardMatrix }) {
  if (!matrix.inEffect) {
    return (
      <Text size="sm" c="dimmed">
        None yet
      </Text>
    );
  }
  const { number, approvedAt, review } = matrix.inEffect;
  const look = reviewLook(review);
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={6} wrap="nowrap">
        <Anchor component={Link} to={versionPath(workspaceId, matrix.matrixId, number)} size="sm" fw={600}>
          Version {number}
        </Anchor>
        <Tooltip label={formatDateTime(approvedAt)} withArrow>
          <Text size="xs" c="dimmed" component="time" dateTime={approvedAt} tabIndex={0}>
            approved {formatDate(approvedAt)}
          </Text>
        </Tooltip>
      </Group>
      <Tooltip label={look.detail} withArrow>
        <Badge color={look.color} variant={look.color === 'red' ? 'filled' : 'light'} tt="none" size="sm" tabIndex={0}>
          {look.label}
        </Badge>
      </Tooltip>
    </Stack>
  );
}

function PendingCell({ workspaceId, matrix }: { workspaceId: string; matrix: DashboardMatrix }) {
  if (!matrix.pending) {
    return (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  }
  const { number, requestedAt, waitingFor } = matrix.pending;
  return (
    <Stack gap={2} align="flex-start">
      <Anchor component={Link} to={versionPath(workspaceId, matrix.matrixId, number)} size="sm" fw={600}>
        Version {number} awaits signatures
      </Anchor>
      <Text size="xs" c="dimmed">
        {waitingFor.length > 0 ? `Waiting for ${waitingFor.join(', ')}` : 'Every party has answered'} · requested{' '}
        {formatDate(requestedAt)}
      </Text>
    </Stack>
  );
}

function GapsCell({ workspaceId, matrix }: { workspaceId: string; matrix: DashboardMatrix }) {
  const { high, medium, low } = matrix.gaps;
  if (high + medium + low + matrix.ruleBreaks === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Anchor
      component={Link}
      to={matrixPath(workspaceId, matrix.matrixId)}
      underline="never"
      aria-label={`Gaps of ${matrix.name}`}
    >
      <Group gap={4}>
        {matrix.ruleBreaks > 0 ? (
          <Badge color="red" variant="filled" tt="none" size="sm">
            {matrix.ruleBreaks} rule {matrix.ruleBreaks === 1 ? 'break' : 'breaks'}
          </Badge>
        ) : null}
        {high > 0 ? (
          <Badge color="red" variant="light" tt="none" size="sm">
            {high} high
          </Badge>
        ) : null}
        {medium > 0 ? (
          <Badge color="orange" variant="light" tt="none" size="sm">
            {medium} medium
          </Badge>
        ) : null}
        {low > 0 ? (
          <Badge color="gray" variant="light" tt="none" size="sm">
            {low} low
          </Badge>
        ) : null}
      </Group>
    </Anchor>
  );
}

function ClientCard({ workspaceId, client }: { workspaceId: string; client: DashboardClient }) {
  return (
    <Card withBorder padding={0} component="section" aria-labelledby={`client-${client.clientId}`}>
      <Group justify="space-between" px="lg" py="md">
        <Title order={2} fz="h3" id={`client-${client.clientId}`}>
          <Anchor component={Link} to={clientMatricesPath(workspaceId, client.clientId)} inherit c="inherit">
            {client.clientName}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {client.matrices.length} {client.matrices.length === 1 ? 'matrix' : 'matrices'}
        </Text>
      </Group>
      {client.matrices.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="md">
          No matrix yet.{' '}
          <Anchor component={Link} to={clientMatricesPath(workspaceId, client.clientId)} size="sm">
            Start one
          </Anchor>
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={950} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={`Agreements of ${client.clientName}`}>
            <Table.Thead>
              <Table.Tr style={{ whiteSpace: 'nowrap' }}>
                <Table.Th miw={240}>Matrix</Table.Th>
                <Table.Th w={200}>Agreement in effect</Table.Th>
                <Table.Th w={220}>Pending sign-off</Table.Th>
                <Table.Th w={110}>Open claims</Table.Th>
                <Table.Th w={180}>Gaps</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {client.matrices.map((matrix) => (
                <Table.Tr key={matrix.matrixId} data-matrix={matrix.matrixId}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Anchor component={Link} to={matrixPath(workspaceId, matrix.matrixId)} fw={600} size="sm">
                        {matrix.name}
                      </Anchor>
                      <Group gap="xs">
                        <Text size="xs" c="dimmed">
                          {SUPPORT_MODEL_LABELS[matrix.model as SupportModel] ?? matrix.model}
                        </Text>
                        <Anchor component={Link} to={matrixClaimsPath(workspaceId, matrix.matrixId)} size="xs">
                          Claims
                        </Anchor>
                        <Anchor component={Link} to={matrixVersionsPath(workspaceId, matrix.matrixId)} size="xs">
                          Versions
                        </Anchor>
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <InEffectCell workspaceId={workspaceId} matrix={matrix} />
                  </Table.Td>
                  <Table.Td>
                    <PendingCell workspaceId={workspaceId} matrix={matrix} />
                  </Table.Td>
                  <Table.Td>
                    {matrix.openClaims > 0 ? (
                      <Anchor component={Link} to={matrixClaimsPath(workspaceId, matrix.matrixId)} size="sm" fw={600}>
                        {matrix.openClaims} open
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <GapsCell workspaceId={workspaceId} matrix={matrix} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/**
 * Every agreement at a glance: across clients for the MSP, the client's own for client users.
 * Totals first, then one table per client; each figure links to where it can be acted on. An MSP
 * admin also sets the review interval here.
 */
export function DashboardPage() {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const dashboard = useDashboard(workspaceId);
  const isClientUser = workspace.clientId !== null;
  const manages = workspace.can('workspace.manage');
  const data = dashboard.data;
  const matrices = data?.clients.reduce((sum, client) => sum + client.matrices.length, 0) ?? 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Dashboard"
        description={
          isClientUser
            ? `${workspace.clientName ?? 'Your company'}’s agreement with ${workspace.workspaceName} at a glance: what is in effect, what waits for signatures, open claims and gaps.`
            : 'Every client’s agreement at a glance: what is in effect and when it is due for review, what waits for signatures, open claims and gaps.'
        }
      />

      {dashboard.isError ? (
        <ErrorAlert
          error={dashboard.error}
          title="Could not load the dashboard"
          onRetry={() => void dashboard.refetch()}
        />
      ) : null}

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        {data ? (
          <>
            <StatCard
              label="In effect"
              value={data.totals.inEffect}
              hint={`of ${matrices} ${matrices === 1 ? 'matrix' : 'matrices'} signed off`}
              icon={IconCertificate}
            />
            <StatCard
              label="Pending sign-offs"
              value={data.totals.pendingSignOffs}
              hint="versions waiting for signatures"
              icon={IconSignature}
            />
            <StatCard
              label="Open claims"
              value={data.totals.openClaims}
              hint="waiting for the other side"
              icon={IconHandGrab}
            />
            <StatCard
              label="Due for review"
              value={data.totals.reviewDue}
              hint={`every ${data.reviewIntervalDays} days after approval`}
              icon={IconCalendarDue}
              alert
            />
            <StatCard
              label="High gaps"
              value={data.totals.highGaps}
              hint="rows nobody clearly owns"
              icon={IconAlertTriangle}
              alert
            />
          </>
        ) : dashboard.isPending ? (
          Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={104} radius="md" />)
        ) : null}
      </SimpleGrid>

      {dashboard.isPending ? (
        <Skeleton height={220} radius="md" aria-label="Loading the dashboard…" />
      ) : data && data.clients.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={IconBuildingSkyscraper}
            title="No clients yet"
            description="When a client has a matrix, its agreement shows here: what is in effect, pending sign-offs, open claims and gaps."
            action={
              workspace.can('clients.manage') ? (
                <Anchor component={Link} to={workspacePath(workspaceId, 'clients')}>
                  Add a client
                </Anchor>
              ) : null
            }
          />
        </Card>
      ) : (
        data?.clients.map((client) => <ClientCard key={client.clientId} workspaceId={workspaceId} client={client} />)
      )}

      {manages ? <ReviewSettingsCard workspaceId={workspaceId} /> : null}
    </Stack>
  );
}
