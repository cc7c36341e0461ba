import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { useClients } from '../../features/clients/api/list-clients';
import { ClientMatricesPage } from '../../features/matrices/components/client-matrices-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/clients/:clientId/matrices": composes the matrices list with the client's name. */
export function ClientMatricesRoute() {
  const { clientId = '' } = useParams();
  const workspace = useWorkspace();
  const allowed = workspace.can('matrix.read');
  const clients = useClients(workspace.workspaceId, { includeArchived: true, enabled: allowed });
  if (!allowed) {
    return <AccessDenied what="responsibility matrices" backTo={workspacePath(workspace.workspaceId)} />;
  }
  const clientName = clients.data?.find((client) => client.id === clientId)?.name ?? null;
  return (
    <Container size="lg" py="xl">
      <title>{`${clientName ?? 'Client'} matrices · Accord`}</title>
      <ClientMatricesPage key={clientId} clientId={clientId} clientName={clientName} />
    </Container>
  );
}
