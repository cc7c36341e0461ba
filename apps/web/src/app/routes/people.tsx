import { Container } from '@mantine/core';
import { AccessDenied } from '../../components/access-denied';
import { useClients } from '../../features/clients/api/list-clients';
import { PeoplePage } from '../../features/people/components/people-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/people": composes the people page with the workspace's clients (for client roles). */
export function PeopleRoute() {
  const workspace = useWorkspace();
  const allowed = workspace.can('members.read');
  const clients = useClients(workspace.workspaceId, { includeArchived: true, enabled: allowed });
  if (!allowed) {
    return <AccessDenied what="the people of this workspace" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="xl" py="xl">
      <title>People · Accord</title>
      <PeoplePage clients={clients.data ?? []} clientsLoading={clients.isPending} />
    </Container>
  );
}
