import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, type RequestOptions } from '../../../lib/api/client';
import { requestData } from '../../../lib/api/request';
import type { components } from '../../../lib/api/schema';
import { escalationPolicyQueryKey } from './get-escalation-policy';

export type SimulationView = components['schemas']['SimulationView'];
export type SimulationEventView = components['schemas']['SimulationEventView'];

export interface SimulationInput {
  responsibilityKey: string;
  severity: string;
  /** ISO 8601 with an offset, e.g. "2026-11-29T07:00:00Z". */
  at: string;
}

/**
 * POST /api/workspaces/:ws/matrices/:matrixId/escalation-policy/simulate: the timeline the saved
 * policy gives at that instant. Writes nothing, so it is read like a query.
 */
export function simulateOnServer(
  workspaceId: string,
  matrixId: string,
  input: SimulationInput,
  { signal, client = apiClient }: RequestOptions = {},
): Promise<SimulationView> {
  return requestData(() =>
    client.POST('/api/workspaces/{ws}/matrices/{matrixId}/escalation-policy/simulate', {
      params: { path: { ws: workspaceId, matrixId } },
      body: input,
      signal,
    }),
  );
}

/** Under the policy's key: a save of the policy runs the simulation again. */
export const simulationQueryOptions = (workspaceId: string, matrixId: string, input: SimulationInput) =>
  queryOptions({
    queryKey: [...escalationPolicyQueryKey(workspaceId, matrixId), 'simulation', input] as const,
    queryFn: ({ signal }) => simulateOnServer(workspaceId, matrixId, input, { signal }),
    // A 400 will not get better by asking again.
    retry: false,
  });

/** The simulation of a complete scenario; idle while `input` is null. */
export function useSimulation(workspaceId: string, matrixId: string, input: SimulationInput | null) {
  return useQuery({
    ...simulationQueryOptions(workspaceId, matrixId, input ?? { responsibilityKey: '', severity: '', at: '' }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}
