/**
 * What the rest of the app uses of the escalation feature: the policy query (for the matrix page),
 * the badge that shows a row's path in the grid, and the addresses of the editor and simulator.
 */
export {
  type EscalationPolicyView,
  escalationPolicyQueryKey,
  escalationPolicyQueryOptions,
  useEscalationPolicy,
} from './api/get-escalation-policy';
export { EscalationPathBadge } from './components/escalation-path-badge';
export { escalationPolicyPath, escalationSimulatorPath } from './lib/paths';
