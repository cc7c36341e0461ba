import { Container } from '@mantine/core';
import { AccessDenied } from '../../components/access-denied';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/dashboard": every agreement at a glance (the client's own for client users). */
export function DashboardRoute() {
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="the dashboard" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="xl" py="xl">
      <title>Dashboard · Accord</title>
      <DashboardPage />
    </Container>
  );
}
