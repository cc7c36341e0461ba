import { Button, Card, Center, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFilterOff, IconListSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/table-skeleton';
import type { ClientView, MemberView } from '../../../lib/api/types';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { downloadTextFile } from '../../../lib/download';
import { useNow } from '../../../lib/use-now';
import { useAuditEvents } from '../api/list-audit-events';
import { auditCsvFileName, auditEventsToCsv } from '../lib/audit-csv';
import type { AuditLookups } from '../lib/changes';
import { type AuditFilters, filtersFromSearchParams, filtersToSearchParams, hasFilters } from '../lib/filters';
import { AuditEventRow } from './audit-event-row';
import { AuditFiltersBar } from './audit-filters';
import { ChainBadge } from './chain-badge';

/**
 * The workspace's audit log, newest first: filters in the address, events with their changes,
 * older pages on demand, the chain's verdict, and the loaded events as CSV.
 * `members` is null when the role may not read the member list. Only for roles with audit.read.
 */
export function AuditPage({
  clients,
  members,
}: {
  clients: readonly ClientView[];
  members: readonly MemberView[] | null;
}) {
  const workspace = useWorkspace();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const events = useAuditEvents(workspace.workspaceId, filters);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const now = useNow();
  const isClientUser = workspace.clientId !== null;

  const lookups = useMemo<AuditLookups>(
    () => ({
      clients: new Map(clients.map((client) => [client.id, client.name])),
      people: new Map((members ?? []).map((member) => [member.userId, member.name])),
      memberships: new Map((members ?? []).map((member) => [member.id, member.name])),
    }),
    [clients, members],
  );

  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);
  const setFilters = (next: AuditFilters) => {
    setExpanded(new Set());
    setSearchParams(filtersToSearchParams(next), { replace: true });
  };
  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  const download = () => downloadTextFile(auditCsvFileName(workspace.workspaceName), auditEventsToCsv(items, lookups));
  const showClient = !isClientUser;
  const columns = showClient ? 5 : 4;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit log"
        description={
          isClientUser
            ? `Every change that concerns ${workspace.clientName ?? 'your company'}: who, when, and what it was before and after.`
            : `Every change in ${workspace.workspaceName}: who, when, and what it was before and after. Events are hash-chained, so tampering shows.`
        }
        actions={
          <>
            <ChainBadge workspaceId={workspace.workspaceId} />
            <Tooltip
              label={
                items.length
                  ? `The ${items.length} ${items.length === 1 ? 'event' : 'events'} loaded${filtered ? ' with these filters' : ''}`
                  : 'No events loaded'
              }
              withArrow
            >
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={download}
                disabled={items.length === 0}
              >
                Download CSV
              </Button>
            </Tooltip>
          </>
        }
      />

      <AuditFiltersBar
        filters={filters}
        onChange={setFilters}
        members={members}
        clients={isClientUser ? null : clients}
      />

      {events.isError ? (
        <ErrorAlert error={events.error} title="Could not load the audit log" onRetry={() => void events.refetch()} />
      ) : null}

      {events.isSuccess && items.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconListSearch}
            title={filtered ? 'No events match these filters' : 'Nothing recorded yet'}
            description={
              filtered
                ? 'Try another action, person or range of days.'
                : 'Changes to clients, people and matrices appear here as they happen.'
            }
            action={
              filtered ? (
                <Button
                  variant="default"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={() => setFilters({})}
                >
                  Clear filters
                </Button>
              ) : null
            }
          />
        </Card>
      ) : null}

      {events.isPending || items.length > 0 ? (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Audit events, newest first">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <VisuallyHidden>Details</VisuallyHidden>
                  </Table.Th>
                  <Table.Th w={150}>When</Table.Th>
                  <Table.Th w={200}>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  {showClient ? <Table.Th w={180}>Client</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.isPending ? (
                  <TableSkeleton columns={columns} rows={6} label="Loading the audit log…" />
                ) : (
                  items.map((event) => (
                    <AuditEventRow
                      key={event.seq}
                      event={event}
                      lookups={lookups}
                      expanded={expanded.has(event.seq)}
                      onToggle={() => toggle(event.seq)}
                      now={now}
                      showClient={showClient}
                    />
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}

      {items.length > 0 ? (
        <Center>
          {events.hasNextPage ? (
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              Load more
            </Button>
          ) : (
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {filtered ? `All ${items.length} matching events are shown.` : 'This is the beginning of the log.'}
              </Text>
            </Group>
          )}
        </Center>
      ) : null}
    </Stack>
  );
}
