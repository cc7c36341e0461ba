import { ActionIcon, Badge, Card, Group, Menu, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconUserCog, IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { RoleBadge } from '../../../components/role-badge';
import { ListTable } from '../../../components/list-table';
import type { CurrentWorkspace } from '../../../lib/auth/workspace-context';
import { formatDateTime } from '../../../lib/format';
import type { ClientView as Client } from '../../../lib/api/types';
import { type Member, useMembers } from '../api/list-members';
import { useRemoveMember } from '../api/remove-member';
import { ChangeRoleModal } from './change-role-modal';

function RemoveMemberDialog({
  workspace,
  member,
  onClose,
}: {
  workspace: CurrentWorkspace;
  member: Member;
  onClose: () => void;
}) {
  const remove = useRemoveMember(workspace.workspaceId, workspace.user.id);
  const navigate = useNavigate();
  const isSelf = member.userId === workspace.user.id;
  return (
    <ConfirmModal
      opened
      title={`Remove ${member.name}?`}
      confirmLabel="Remove from workspace"
      color="red"
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(member, {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: `${member.name} was removed from ${workspace.workspaceName}.`,
            });
            onClose();
            if (isSelf) void navigate('/w', { replace: true });
          },
        })
      }
    >
      {isSelf
        ? `You are removing yourself: you lose access to ${workspace.workspaceName} at once.`
        : `${member.name} (${member.email}) loses access to ${workspace.workspaceName} at once.`}{' '}
      Everything they changed stays in the audit log.
    </ConfirmModal>
  );
}

/** Everyone in the workspace; MSP admins change roles and remove people. */
export function MembersSection({
  workspace,
  clients,
  clientsLoading,
}: {
  workspace: CurrentWorkspace;
  clients: readonly Client[];
  clientsLoading: boolean;
}) {
  const manage = workspace.can('members.manage');
  const members = useMembers(workspace.workspaceId);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const list = members.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="members-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="h3" id="members-title">
          Members
        </Title>
        {members.isSuccess ? (
          <Text size="sm" c="dimmed">
            {list.length} {list.length === 1 ? 'person' : 'people'}
          </Text>
        ) : null}
      </Group>

      {members.isError ? (
        <ErrorAlert error={members.error} title="Could not load members" onRetry={() => void members.refetch()} />
      ) : (
        <Card padding={0}>
          {members.isSuccess && list.length === 0 ? (
            <EmptyState icon={IconUsers} title="Nobody here yet" />
          ) : (
            <ListTable
              aria-labelledby="members-title"
              minWidth={720}
              pending={members.isPending}
              loadingLabel="Loading members…"
              columns={[
                { label: 'Name' },
                { label: 'E-mail' },
                { label: 'Role' },
                { label: 'Client' },
                ...(manage ? [{ label: 'Actions', width: 72, hidden: true }] : []),
              ]}
            >
              {list.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Tooltip label={`Joined ${formatDateTime(member.createdAt)}`} withArrow>
                        <Text fw={600} tabIndex={0} style={{ whiteSpace: 'nowrap' }}>
                          {member.name}
                        </Text>
                      </Tooltip>
                      {member.userId === workspace.user.id ? (
                        <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
                          You
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={member.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={member.clientId ? undefined : 'dimmed'}>
                      {member.clientId ? (clientNames.get(member.clientId) ?? 'Unknown client') : 'All clients'}
                    </Text>
                  </Table.Td>
                  {manage ? (
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal shadow="md">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconUserCog size={16} aria-hidden />}
                            onClick={() => setEditing(member)}
                          >
                            Change role
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<IconUserMinus size={16} aria-hidden />}
                            onClick={() => setRemoving(member)}
                          >
                            Remove
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Card>
      )}
      {manage ? (
        <ChangeRoleModal
          workspaceId={workspace.workspaceId}
          currentUserId={workspace.user.id}
          member={editing}
          clients={clients}
          clientsLoading={clientsLoading}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing ? (
        <RemoveMemberDialog
          key={removing.id}
          workspace={workspace}
          member={removing}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </Stack>
  );
}
