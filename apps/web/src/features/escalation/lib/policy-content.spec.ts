import { defaultEscalationPolicy, pathFor, validateEscalationPolicy } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { partyView, rowView } from '../../../test/matrix-views';
import { escalationContentOf } from './policy-content';

const matrix = {
  model: 'co_managed' as const,
  parties: [
    partyView('uuid-business', { key: 'business', name: 'Business', kind: 'business', position: 2 }),
    partyView('uuid-msp', { key: 'msp', name: 'Northwind', kind: 'msp', position: 0 }),
    partyView('uuid-it', { key: 'internal_it', name: 'Internal IT', kind: 'internal_it', position: 1 }),
  ],
  responsibilities: [
    rowView(
      'uuid-row-2',
      { 'uuid-msp': 'R', 'uuid-business': 'A' },
      {
        key: 'incident_handling',
        category: 'threat_response',
        critical: true,
        position: 1,
      },
    ),
    rowView(
      'uuid-row-1',
      { 'uuid-it': 'R', 'uuid-msp': 'A', 'uuid-gone': 'C' },
      { key: 'password_resets', position: 0 },
    ),
  ],
};

describe('escalationContentOf', () => {
  it('keys parties and rows by their keys, not their ids, in display order', () => {
    const content = escalationContentOf(matrix);
    expect(content.parties.map((p) => p.key)).toEqual(['msp', 'internal_it', 'business']);
    expect(content.responsibilities.map((r) => r.key)).toEqual(['password_resets', 'incident_handling']);
  });

  it('translates the letters from party ids to party keys and drops letters of unknown parties', () => {
    const content = escalationContentOf(matrix);
    expect(content.responsibilities[0]?.letters).toEqual({ internal_it: 'R', msp: 'A' });
    expect(content.responsibilities[1]?.letters).toEqual({ msp: 'R', business: 'A' });
  });

  it('is what the policy rules expect: a policy naming party keys validates, and paths resolve by row key', () => {
    const content = escalationContentOf(matrix);
    const policy = {
      ...defaultEscalationPolicy(content),
      paths: [
        {
          key: 'security',
          category: 'threat_response',
          responsibilityKey: null,
          severities: [],
          steps: [{ partyKey: 'msp', contactKey: null, channel: 'phone' as const, waitMinutes: 10 }],
          repeat: 0,
          afterHours: null,
          review: null,
        },
      ],
    };
    expect(validateEscalationPolicy(policy, content)).toMatchObject({ ok: true });
    const incident = content.responsibilities.find((r) => r.key === 'incident_handling');
    expect(incident && pathFor(policy, incident, 'p1')?.key).toBe('security');
  });
});
