import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { EscalationPolicyPage } from '../../features/escalation/components/escalation-policy-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/** "/w/:ws/matrices/:matrixId/escalation": the matrix's escalation policy (read only without 'matrix.edit'). */
export function EscalationPolicyRoute() {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="escalation policies" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="xl" py="xl">
      <EscalationPolicyPage key={matrixId} matrixId={matrixId} />
    </Container>
  );
}
