import {
  Badge,
  Box,
  Button,
  Card,
  Code,
  Divider,
  Group,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDatabase, IconRefresh, IconServer, type Icon } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDuration, formatTime } from '../../../lib/format';
import { SYSTEM_STATUS_POLL_MS } from '../api/get-health';
import { type ApiStatus, type DatabaseStatus, useSystemStatus } from '../hooks/use-system-status';

const systemQueryKey = ['system'] as const;

interface StatusBadgeProps {
  testId: string;
  state: string;
  color: string;
  label: string;
}

/** The status word itself, exactly as tests and people read it ("online", "ready"...). */
function StatusBadge({ testId, state, color, label }: StatusBadgeProps) {
  return (
    <Badge
      data-testid={testId}
      data-state={state}
      color={color}
      variant="light"
      size="lg"
      radius="xl"
      tt="none"
      fw={600}
      leftSection={
        <span
          aria-hidden
          style={{
            width: 8,
            height: 8,
            borderRadius: 8,
            background: 'currentColor',
          }}
        />
      }
    >
      {label}
    </Badge>
  );
}

function PendingBadge({ testId, what }: { testId: string; what: string }) {
  return (
    <>
      <Skeleton data-testid={testId} data-state="pending" height={26} width={84} radius="xl" aria-hidden />
      <VisuallyHidden>Checking {what}…</VisuallyHidden>
    </>
  );
}

function StatusRow({
  icon: RowIcon,
  label,
  badge,
  detail,
}: {
  icon: Icon;
  label: string;
  badge: ReactNode;
  detail: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon size={36} radius="md" variant="light" color="gray" aria-hidden>
          <RowIcon size={20} stroke={1.8} />
        </ThemeIcon>
        <div>
          <Text fw={600} id={`status-${label.toLowerCase()}-label`}>
            {label}
          </Text>
          <Text size="xs" c="dimmed" component="div">
            {detail}
          </Text>
        </div>
      </Group>
      <Box role="status" aria-labelledby={`status-${label.toLowerCase()}-label`} style={{ flexShrink: 0 }}>
        {badge}
      </Box>
    </Group>
  );
}

function apiBadge(api: ApiStatus) {
  switch (api.state) {
    case 'pending':
      return <PendingBadge testId="api-status" what="the API" />;
    case 'online':
      return <StatusBadge testId="api-status" state="online" color="green" label="online" />;
    case 'offline':
      return <StatusBadge testId="api-status" state="offline" color="red" label="offline" />;
  }
}

function apiDetail(api: ApiStatus): ReactNode {
  switch (api.state) {
    case 'pending':
      return 'Checking…';
    case 'online':
      return `Version ${api.version} · up ${formatDuration(api.uptimeSeconds)}`;
    case 'offline':
      return api.reason;
  }
}

function databaseBadge(database: DatabaseStatus) {
  switch (database.state) {
    case 'pending':
      return <PendingBadge testId="db-status" what="the database" />;
    case 'ready':
      return <StatusBadge testId="db-status" state="ready" color="green" label="ready" />;
    case 'unavailable':
      return <StatusBadge testId="db-status" state="unavailable" color="red" label="unavailable" />;
    case 'unknown':
      return <StatusBadge testId="db-status" state="unknown" color="gray" label="unknown" />;
  }
}

function databaseDetail(database: DatabaseStatus, api: ApiStatus): ReactNode {
  switch (database.state) {
    case 'pending':
      return 'Checking…';
    case 'ready':
      return 'PostgreSQL answers';
    case 'unavailable':
      return database.reason ?? 'The API cannot reach its database.';
    case 'unknown':
      return api.state === 'offline' ? 'Cannot be checked while the API is offline.' : database.reason;
  }
}

function lastChecked(api: ApiStatus, database: DatabaseStatus): { at: number; requestId: string | undefined } | null {
  const checks = [api, database].filter((status) => status.state !== 'pending');
  const latest = checks.sort((a, b) => b.checkedAt - a.checkedAt)[0];
  return latest ? { at: latest.checkedAt, requestId: latest.requestId } : null;
}

/** Live health of the API and its database, checked every 10 s while the page is open. */
export function SystemStatusCard() {
  const { api, database } = useSystemStatus();
  const queryClient = useQueryClient();
  const checked = lastChecked(api, database);

  return (
    <Card component="section" aria-labelledby="system-status-title" id="system-status" shadow="sm">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} fz="h3" id="system-status-title">
              System status
            </Title>
            <Text size="sm" c="dimmed">
              Checked every {SYSTEM_STATUS_POLL_MS / 1000} seconds
            </Text>
          </div>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void queryClient.invalidateQueries({ queryKey: systemQueryKey })}
          >
            Check now
          </Button>
        </Group>
        <Divider />
        <StatusRow icon={IconServer} label="API" badge={apiBadge(api)} detail={apiDetail(api)} />
        <StatusRow
          icon={IconDatabase}
          label="Database"
          badge={databaseBadge(database)}
          detail={databaseDetail(database, api)}
        />
        <Divider />
        <Text size="xs" c="dimmed" component="div" mih={20}>
          {checked ? (
            <Group gap={6} wrap="wrap">
              <span>Last checked {formatTime(checked.at)}</span>
              {checked.requestId ? (
                <>
                  <span aria-hidden>·</span>
                  <span>
                    request <Code fz="xs">{checked.requestId}</Code>
                  </span>
                </>
              ) : null}
            </Group>
          ) : (
            'Not checked yet'
          )}
        </Text>
      </Stack>
    </Card>
  );
}
