import { matrixPath } from '../../../lib/auth/paths';
import { type LocalInstant, scenarioSearch } from './scenario';

/** The escalation policy editor of a matrix: "/w/:ws/matrices/:matrixId/escalation". */
export function escalationPolicyPath(workspaceId: string, matrixId: string): string {
  return `${matrixPath(workspaceId, matrixId)}/escalation`;
}

/**
 * The simulator of a matrix: "/w/:ws/matrices/:matrixId/escalation/simulate", with a scenario when
 * given ("?row=incident_handling&severity=p1&at=2026-11-29T02:00", `at` on the client's clock).
 */
export function escalationSimulatorPath(
  workspaceId: string,
  matrixId: string,
  scenario?: { row: string; severity: string; at: LocalInstant },
): string {
  const path = `${escalationPolicyPath(workspaceId, matrixId)}/simulate`;
  return scenario ? `${path}?${scenarioSearch(scenario).toString()}` : path;
}
