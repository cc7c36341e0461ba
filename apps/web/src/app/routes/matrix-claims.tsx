import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { ClaimsPage } from '../../features/agreements/components/claims-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/matrices/:matrixId/claims": the claims inbox of a matrix. */
export function MatrixClaimsRoute() {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="responsibility matrices" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="lg" py="xl">
      <ClaimsPage key={matrixId} matrixId={matrixId} />
    </Container>
  );
}
