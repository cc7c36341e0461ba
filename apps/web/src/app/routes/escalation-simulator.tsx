import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { AccessDenied } from '../../components/access-denied';
import { SimulatorPage } from '../../features/escalation/components/simulator-page';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

/**
 * "/w/:ws/matrices/:matrixId/escalation/simulate?row=&severity=&at=": who is called when, for a
 * scenario that the address holds, so that it can be linked.
 */
export function EscalationSimulatorRoute() {
  const { matrixId = '' } = useParams();
  const workspace = useWorkspace();
  if (!workspace.can('matrix.read')) {
    return <AccessDenied what="escalation policies" backTo={workspacePath(workspace.workspaceId)} />;
  }
  return (
    <Container size="lg" py="xl">
      <SimulatorPage key={matrixId} matrixId={matrixId} />
    </Container>
  );
}
