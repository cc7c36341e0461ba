import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { MatrixPage } from '../../features/matrices/components/matrix-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/matrices/:matrixId" */
export function MatrixRoute() {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="responsibility matrices" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="xl" py="xl">
      <MatrixPage key={matrixId} matrixId={matrixId} />
    </Container>
  );
}
