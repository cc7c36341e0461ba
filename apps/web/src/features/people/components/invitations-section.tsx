import { Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { RoleBadge } from '../../../components/role-badge';
import { ListTable } from '../../../components/list-table';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import type { ClientView as Client } from '../../../lib/api/types';
import { type Invitation, isPending, useInvitations } from '../api/list-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { InviteForm } from './invite-form';

function RevokeDialog({
  workspaceId,
  invitation,
  onClose,
}: {
  workspaceId: string;
  invitation: Invitation;
  onClose: () => void;
}) {
  const revoke = useRevokeInvitation(workspaceId);
  return (
    <ConfirmModal
      opened
      title="Revoke this invitation?"
      confirmLabel="Revoke invitation"
      color="red"
      pending={revoke.isPending}
      error={revoke.error}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(invitation.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `The invitation for ${invitation.email} no longer works.` });
            onClose();
          },
        })
      }
    >
      The link sent to {invitation.email} stops working at once. You can invite them again later.
    </ConfirmModal>
  );
}

/** The invite form, then the invitations that can still be accepted, newest first, each revocable. */
export function InvitationsSection({
  workspaceId,
  clients,
  clientsLoading,
}: {
  workspaceId: string;
  clients: readonly Client[];
  clientsLoading: boolean;
}) {
  const invitations = useInvitations(workspaceId);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const pending = (invitations.data ?? []).filter((invitation) => isPending(invitation));

  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="h3" id="invitations-title">
          Invitations
        </Title>
        {invitations.isSuccess ? (
          <Text size="sm" c="dimmed">
            {pending.length} pending
          </Text>
        ) : null}
      </Group>
      <Card padding="md">
        <InviteForm workspaceId={workspaceId} clients={clients} clientsLoading={clientsLoading} />
      </Card>
      {invitations.isError ? (
        <ErrorAlert
          error={invitations.error}
          title="Could not load invitations"
          onRetry={() => void invitations.refetch()}
        />
      ) : (
        <Card padding={0}>
          {invitations.isSuccess && pending.length === 0 ? (
            <EmptyState
              icon={IconMailOff}
              title="No pending invitations"
              description="Invitations you send wait here until they are accepted. Each link works once, for 7 days."
            />
          ) : (
            <ListTable
              aria-label="Pending invitations"
              minWidth={640}
              highlightOnHover={false}
              pending={invitations.isPending}
              loadingLabel="Loading invitations…"
              skeletonRows={2}
              columns={[
                { label: 'E-mail' },
                { label: 'Role' },
                { label: 'Client' },
                { label: 'Expires' },
                { label: 'Actions', width: 110, hidden: true },
              ]}
            >
              {pending.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={invitation.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={invitation.clientId ? undefined : 'dimmed'}>
                      {invitation.clientId ? (clientNames.get(invitation.clientId) ?? 'Unknown client') : 'All clients'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(invitation.expiresAt)} withArrow>
                      <Text size="sm" c="dimmed" component="time" dateTime={invitation.expiresAt} tabIndex={0}>
                        {formatRelativeTime(invitation.expiresAt)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRevoking(invitation)}
                      aria-label={`Revoke the invitation for ${invitation.email}`}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Card>
      )}
      {revoking ? (
        <RevokeDialog
          key={revoking.id}
          workspaceId={workspaceId}
          invitation={revoking}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </Stack>
  );
}
