import { describe, expect, it } from 'vitest';
import { escalationPolicyPath, escalationSimulatorPath } from './paths';

describe('escalation paths', () => {
  it('puts the editor and the simulator under the matrix', () => {
    expect(escalationPolicyPath('ws-1', 'm-1')).toBe('/w/ws-1/matrices/m-1/escalation');
    expect(escalationSimulatorPath('ws-1', 'm-1')).toBe('/w/ws-1/matrices/m-1/escalation/simulate');
  });

  it('links a scenario', () => {
    expect(
      escalationSimulatorPath('ws-1', 'm-1', {
        row: 'incident_handling',
        severity: 'p1',
        at: { date: '2026-11-29', time: '02:00' },
      }),
    ).toBe('/w/ws-1/matrices/m-1/escalation/simulate?row=incident_handling&severity=p1&at=2026-11-29T02%3A00');
  });
});
