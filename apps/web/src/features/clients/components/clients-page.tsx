import { ActionIcon, Anchor, Badge, Button, Card, Menu, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconArchiveOff,
  IconBuildingSkyscraper,
  IconDots,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListTable } from '../../../components/list-table';
import { clientMatricesPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useArchiveClient } from '../api/archive-client';
import { type Client, isArchived, useClients } from '../api/list-clients';
import { staleClientOf, useUpdateClient } from '../api/update-client';
import { ClientNameModal } from './client-name-modal';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; client: Client }
  | { kind: 'archive'; client: Client }
  | { kind: 'restore'; client: Client }
  | null;

function StatusBadge({ client }: { client: Client }) {
  return isArchived(client) ? (
    <Badge color="gray" variant="light" tt="none">
      Archived
    </Badge>
  ) : (
    <Badge color="green" variant="light" tt="none">
      Active
    </Badge>
  );
}

/** Archive or restore, after asking. A 412 refreshes the client and asks again with the new state. */
function ArchiveDialog({
  workspaceId,
  dialog,
  onClose,
  onRetarget,
}: {
  workspaceId: string;
  dialog: Extract<Dialog, { kind: 'archive' | 'restore' }>;
  onClose: () => void;
  onRetarget: (client: Client) => void;
}) {
  const archive = useArchiveClient(workspaceId);
  const restore = useUpdateClient(workspaceId);
  const { client, kind } = dialog;
  const mutation = kind === 'archive' ? archive : restore;

  const onError = (error: unknown) => {
    const current = staleClientOf(error);
    if (current) onRetarget(current);
  };
  const confirm = () => {
    if (kind === 'archive') {
      archive.mutate(
        { clientId: client.id, version: client.version },
        {
          onSuccess: (updated) => {
            notifications.show({ color: 'green', message: `${updated.name} was archived.` });
            onClose();
          },
          onError,
        },
      );
    } else {
      restore.mutate(
        { clientId: client.id, version: client.version, archived: false },
        {
          onSuccess: (updated) => {
            notifications.show({ color: 'green', message: `${updated.name} is active again.` });
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <ConfirmModal
      opened
      title={kind === 'archive' ? `Archive ${client.name}?` : `Restore ${client.name}?`}
      confirmLabel={kind === 'archive' ? 'Archive client' : 'Restore client'}
      color={kind === 'archive' ? 'red' : 'accord'}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={confirm}
      onClose={onClose}
    >
      {kind === 'archive'
        ? 'The client leaves the active list and nobody can invite people to it. Its matrices and history stay on record, and you can restore it at any time.'
        : 'The client returns to the active list, with its matrices and history as they were.'}
    </ConfirmModal>
  );
}

function ClientRowActions({ client, onOpen }: { client: Client; onOpen: (dialog: Dialog) => void }) {
  const archived = isArchived(client);
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${client.name}`}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onOpen({ kind: 'rename', client })}
        >
          Rename
        </Menu.Item>
        {archived ? (
          <Menu.Item
            leftSection={<IconArchiveOff size={16} aria-hidden />}
            onClick={() => onOpen({ kind: 'restore', client })}
          >
            Restore
          </Menu.Item>
        ) : (
          <Menu.Item
            color="red"
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={() => onOpen({ kind: 'archive', client })}
          >
            Archive
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The workspace's clients. MSP admins create, rename, archive and restore; everyone else reads.
 * Client users see only their own company (the API answers with that one alone).
 */
export function ClientsPage() {
  const workspace = useWorkspace();
  const manage = workspace.can('clients.manage');
  const isClientUser = workspace.clientId !== null;
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const clients = useClients(workspace.workspaceId, { includeArchived: showArchived });
  const list = clients.data ?? [];

  const description = isClientUser
    ? `Your company in ${workspace.workspaceName}. Its responsibility matrix is shared with the MSP.`
    : `The companies ${workspace.workspaceName} serves. Each keeps its own signed-off responsibility matrix.`;

  return (
    <Stack gap="lg">
      <PageHeader
        title={isClientUser ? 'Your company' : 'Clients'}
        description={description}
        actions={
          <>
            {!isClientUser ? (
              <Switch
                label="Show archived"
                checked={showArchived}
                onChange={(event) => setShowArchived(event.currentTarget.checked)}
              />
            ) : null}
            {manage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
                New client
              </Button>
            ) : null}
          </>
        }
      />

      {clients.isError ? (
        <ErrorAlert error={clients.error} title="Could not load clients" onRetry={() => void clients.refetch()} />
      ) : null}

      {clients.isSuccess && list.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconBuildingSkyscraper}
            title={showArchived ? 'No clients yet' : 'No active clients'}
            description={
              manage
                ? 'Add the companies you serve. Each gets its own responsibility matrix, and you can invite their IT admin and business owner.'
                : 'When an MSP admin adds a client, it appears here.'
            }
            action={
              manage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
                  Add your first client
                </Button>
              ) : null
            }
          />
        </Card>
      ) : null}

      {clients.isPending || list.length > 0 ? (
        <Card padding={0}>
          <ListTable
            aria-label="Clients"
            minWidth={560}
            pending={clients.isPending}
            loadingLabel="Loading clients…"
            columns={[
              { label: 'Name' },
              { label: 'Status', width: 140 },
              { label: 'Created', width: 160 },
              ...(manage ? [{ label: 'Actions', width: 72, hidden: true }] : []),
            ]}
          >
            {list.map((client) => (
              <Table.Tr key={client.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={clientMatricesPath(workspace.workspaceId, client.id)}
                    fw={600}
                    c={isArchived(client) ? 'dimmed' : undefined}
                  >
                    {client.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge client={client} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(client.createdAt)} withArrow>
                    <Text size="sm" c="dimmed" component="time" dateTime={client.createdAt} tabIndex={0}>
                      {formatDate(client.createdAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                {manage ? (
                  <Table.Td ta="right">
                    <ClientRowActions client={client} onOpen={setDialog} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </ListTable>
        </Card>
      ) : null}

      {clients.isSuccess && list.length > 0 && !isClientUser ? (
        <Text size="sm" c="dimmed">
          {countLabel(list)}
        </Text>
      ) : null}

      <ClientNameModal
        workspaceId={workspace.workspaceId}
        client={dialog?.kind === 'rename' ? dialog.client : undefined}
        opened={dialog?.kind === 'create' || dialog?.kind === 'rename'}
        onClose={() => setDialog(null)}
      />
      {dialog?.kind === 'archive' || dialog?.kind === 'restore' ? (
        <ArchiveDialog
          key={`${dialog.kind}-${dialog.client.id}`}
          workspaceId={workspace.workspaceId}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onRetarget={(client) => {
            // The client changed under us: ask again about it as it is now, or stop if it is done.
            if (isArchived(client) === (dialog.kind === 'archive')) {
              notifications.show({
                color: 'orange',
                title: 'Changed by someone else',
                message: `${client.name} was already ${dialog.kind === 'archive' ? 'archived' : 'restored'} by someone else.`,
              });
              setDialog(null);
            } else {
              setDialog({ kind: dialog.kind, client });
            }
          }}
        />
      ) : null}
    </Stack>
  );
}

/** "2 active clients · 1 archived" */
function countLabel(list: readonly Client[]): string {
  const archived = list.filter(isArchived).length;
  const active = list.length - archived;
  const activeText = `${active} active client${active === 1 ? '' : 's'}`;
  return archived > 0 ? `${activeText} · ${archived} archived` : activeText;
}
