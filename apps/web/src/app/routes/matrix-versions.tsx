import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { VersionsPage } from '../../features/agreements/components/versions-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/matrices/:matrixId/versions": the versions of a matrix and "Request sign-off". */
export function MatrixVersionsRoute() {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="responsibility matrices" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="xl" py="xl">
      <VersionsPage key={matrixId} matrixId={matrixId} />
    </Container>
  );
}
