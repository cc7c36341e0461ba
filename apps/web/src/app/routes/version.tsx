import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { VersionPage } from '../../features/agreements/components/version-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';
import { NotFoundRoute } from './not-found';

/** "/w/:ws/matrices/:matrixId/versions/:n": the sign-off page of one version. */
export function VersionRoute() {
  const { matrixId = '', n = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="responsibility matrices" backTo={workspacePath(workspace.workspaceId)} />;
  }
  const number = Number(n);
  if (!/^\d+$/.test(n) || number < 1) return <NotFoundRoute />;
  return (
    <Container size="xl" py="xl">
      <VersionPage key={`${matrixId}/${number}`} matrixId={matrixId} number={number} />
    </Container>
  );
}
