import { SimulatorPage } from '../../features/escalation/components/simulator-page';
import { MatrixScoped } from './matrix-scoped';

/**
 * "/w/:ws/matrices/:matrixId/escalation/simulate?row=&severity=&at=": who is called when, for a
 * scenario that the address holds, so that it can be linked.
 */
export function EscalationSimulatorRoute() {
  return (
    <MatrixScoped
      what="escalation policies"
      size="lg"
      page={(matrixId) => <SimulatorPage key={matrixId} matrixId={matrixId} />}
    />
  );
}
