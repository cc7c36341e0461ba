import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isClientRole, ROLE_LABELS } from '@accord/raci';
import { IconAlertTriangle, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { type ClientView as Client, isArchivedClient as isArchived } from '../../../lib/api/types';
import type { Member } from '../api/list-members';
import { staleMemberOf, useUpdateMember } from '../api/update-member';
import { roleChoiceMessage, roleFrom } from '../lib/roles';
import { RoleFields } from './role-fields';

const FIELDS = ['role', 'clientId'] as const;

/** Changes a member's role (and client), based on the version shown; a 412 shows the role as it is now. */
export function ChangeRoleModal({
  workspaceId,
  currentUserId,
  member,
  clients,
  clientsLoading,
  onClose,
}: {
  workspaceId: string;
  currentUserId: string;
  member: Member | null;
  clients: readonly Client[];
  clientsLoading: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={<Text fw={700}>{member ? `Change the role of ${member.name}` : 'Change role'}</Text>}
      centered
    >
      {member ? (
        <ChangeRoleForm
          key={member.id}
          workspaceId={workspaceId}
          currentUserId={currentUserId}
          member={member}
          clients={clients.filter((client) => !isArchived(client))}
          clientsLoading={clientsLoading}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function ChangeRoleForm({
  workspaceId,
  currentUserId,
  member,
  clients,
  clientsLoading,
  onDone,
}: {
  workspaceId: string;
  currentUserId: string;
  member: Member;
  clients: readonly Client[];
  clientsLoading: boolean;
  onDone: () => void;
}) {
  const update = useUpdateMember(workspaceId, currentUserId);
  const [basis, setBasis] = useState(member);
  const [formError, setFormError] = useState<string | null>(null);
  const [staleNotice, setStaleNotice] = useState<string | null>(null);
  const form = useForm({
    initialValues: { role: member.role as string, clientId: member.clientId ?? '' },
    validate: (values) => roleChoiceMessage(values.role, values.clientId),
  });
  const isSelf = member.userId === currentUserId;

  const submit = form.onSubmit((values) => {
    const role = roleFrom(values.role);
    if (!role) return;
    const clientId = isClientRole(role) ? values.clientId : undefined;
    if (role === basis.role && (clientId ?? null) === basis.clientId) {
      onDone();
      return;
    }
    setFormError(null);
    setStaleNotice(null);
    update.mutate(
      { memberId: basis.id, version: basis.version, role, clientId },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'green', message: `${updated.name} is now ${ROLE_LABELS[updated.role]}.` });
          onDone();
        },
        onError: (error) => {
          const current = staleMemberOf(error);
          if (current) {
            setBasis(current);
            setStaleNotice(
              `Someone else changed this membership while you were editing: ${current.name} is now ${ROLE_LABELS[current.role]}. Choose again and save.`,
            );
            return;
          }
          const { fields, message } = toFormErrors(error, FIELDS);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {member.email}
        </Text>
        {staleNotice ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconUsersGroup aria-hidden />}
            title="Changed by someone else"
          >
            {staleNotice}
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <RoleFields
          role={form.values.role}
          clientId={form.values.clientId}
          clients={clients}
          clientsLoading={clientsLoading}
          roleError={form.errors.role}
          clientError={form.errors.clientId}
          onRoleChange={(role) => form.setValue('role', role)}
          onClientChange={(clientId) => form.setValue('clientId', clientId)}
        />
        {isSelf && form.values.role !== 'msp_admin' ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            This is your own membership: you will no longer manage clients and people here.
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
