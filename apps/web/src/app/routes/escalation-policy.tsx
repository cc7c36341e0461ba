import { EscalationPolicyPage } from '../../features/escalation/components/escalation-policy-page';
import { MatrixScoped } from './matrix-scoped';

/** "/w/:ws/matrices/:matrixId/escalation": the matrix's escalation policy (read only without 'matrix.edit'). */
export function EscalationPolicyRoute() {
  return (
    <MatrixScoped
      what="escalation policies"
      page={(matrixId) => <EscalationPolicyPage key={matrixId} matrixId={matrixId} />}
    />
  );
}
