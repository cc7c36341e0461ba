import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import type { ClientView } from '../../../lib/api/types';
import { InvitationsSection } from './invitations-section';
import { MembersSection } from './members-section';

/**
 * Members of the workspace (for roles with members.read) and, for MSP admins, invitations. `clients` names the
 * clients of client roles (archived ones too, so their members still show a name).
 */
export function PeoplePage({ clients, clientsLoading }: { clients: readonly ClientView[]; clientsLoading: boolean }) {
  const workspace = useWorkspace();
  const manage = workspace.can('members.manage');

  const members = <MembersSection workspace={workspace} clients={clients} clientsLoading={clientsLoading} />;

  return (
    <Stack gap="xl">
      <PageHeader
        title="People"
        description={
          manage
            ? `Who works in ${workspace.workspaceName}, and in which role. Invite your team and your clients’ people here.`
            : `Who works in ${workspace.workspaceName}, and in which role.`
        }
      />
      {members}
      {manage ? (
        <InvitationsSection workspaceId={workspace.workspaceId} clients={clients} clientsLoading={clientsLoading} />
      ) : null}
    </Stack>
  );
}
