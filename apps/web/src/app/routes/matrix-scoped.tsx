import { Container, type ContainerProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/**
 * The frame of every page of one matrix ("/w/:ws/matrices/:matrixId/..."): it needs
 * 'matrix.read', and `page` is drawn for the matrix of the path (callers key it by the matrix, so
 * nothing of one matrix survives into the next).
 */
export function MatrixScoped({
  what = 'responsibility matrices',
  size = 'xl',
  page,
}: {
  /** What the person may not see, for the access-denied message. */
  what?: string;
  size?: ContainerProps['size'];
  page: (matrixId: string) => ReactNode;
}) {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what={what} backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size={size} py="xl">
      {page(matrixId)}
    </Container>
  );
}
