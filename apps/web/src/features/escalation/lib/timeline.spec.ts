import { defaultEscalationPolicy, simulateEscalation } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { testContent, testPolicy } from '../../../test/escalation-policy';
import type { SimulationView } from '../api/simulate-escalation';
import { activeIndex, timelineOf } from './timeline';

/** The browser runs the same simulator the API does, so its answer has the API's shape. */
const simulate = (at: string, policy = testPolicy()) =>
  simulateEscalation(policy, testContent, {
    responsibilityKey: 'incident_handling',
    severityKey: 'p1',
    at,
  }) as SimulationView;

describe('timelineOf', () => {
  it('places the response target among the calls, after the calls of the same minute', () => {
    // Sunday 02:00 in New York: after hours, the NOC first (MSP 24/7), then the security lead at 10.
    const simulation = simulate('2026-11-29T02:00');
    const entries = timelineOf(simulation);
    expect(entries.map((e) => `${e.kind}@${e.minute}`).slice(0, 4)).toEqual([
      'call@0',
      'call@10',
      'call@25',
      'respond_by@30',
    ]);
    expect(entries[0]).toMatchObject({ kind: 'call', firstAnswer: true, event: { partyKey: 'msp', covering: true } });
    expect(activeIndex(entries)).toBe(0);
  });

  it('ends with the dry marker when nobody on duty is reached, and draws the whole line', () => {
    const base = testPolicy();
    const nobody = { ...base, coverage: base.coverage.map((c) => ({ ...c, alwaysOn: false, weekly: [] })) };
    const entries = timelineOf(simulate('2026-11-29T02:00', nobody));
    expect(entries.some((e) => e.kind === 'call' && e.firstAnswer)).toBe(false);
    expect(entries.filter((e) => e.kind === 'dry')).toHaveLength(1);
    expect(activeIndex(entries)).toBe(entries.length - 1);
  });

  it('has no calls and no dry marker when no path applies (the banner says it)', () => {
    const entries = timelineOf(simulate('2026-11-29T02:00', defaultEscalationPolicy(testContent)));
    expect(entries.map((e) => e.kind)).toEqual(['respond_by']);
  });
});
