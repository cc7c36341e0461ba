import {
  defaultEscalationPolicy,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  type MatrixContent,
} from '@accord/raci';

/**
 * A small matrix and policy for spec files, shaped like Harbor Dental's demo: three parties, a
 * security row and a help desk row, four contacts and a security path with after-hours steps.
 */
export const testContent: MatrixContent = {
  model: 'co_managed',
  parties: [
    { key: 'msp', name: 'Northwind', kind: 'msp', requiredToSign: true },
    { key: 'internal_it', name: 'Internal IT', kind: 'internal_it', requiredToSign: true },
    { key: 'business', name: 'Business', kind: 'business', requiredToSign: true },
  ],
  responsibilities: [
    {
      key: 'incident_handling',
      category: 'threat_response',
      title: 'Security incident handling',
      description: '',
      critical: true,
      letters: { msp: 'R', business: 'A' },
    },
    {
      key: 'password_resets',
      category: 'help_desk',
      title: 'Password resets',
      description: '',
      critical: false,
      letters: { internal_it: 'R', msp: 'A' },
    },
  ],
};

export const step = (
  partyKey: string,
  contactKey: string | null,
  waitMinutes = 10,
  channel: EscalationStep['channel'] = 'phone',
): EscalationStep => ({ partyKey, contactKey, channel, waitMinutes });

export function testPath(overrides: Partial<EscalationPath> = {}): EscalationPath {
  return {
    key: 'security_incidents',
    category: 'threat_response',
    responsibilityKey: null,
    severities: [],
    steps: [step('internal_it', 'it_admin'), step('msp', 'security_lead', 15), step('business', 'practice_owner', 15)],
    repeat: 1,
    afterHours: { steps: [step('msp', 'noc_on_call'), step('msp', 'security_lead', 15)], repeat: 2 },
    review: null,
    ...overrides,
  };
}

export function testPolicy(overrides: Partial<EscalationPolicy> = {}): EscalationPolicy {
  return {
    ...defaultEscalationPolicy(testContent, 'America/New_York'),
    contacts: [
      { key: 'noc_on_call', partyKey: 'msp', name: 'Northwind NOC on-call', role: 'On call', phone: '', email: '' },
      { key: 'security_lead', partyKey: 'msp', name: 'Sam Patel', role: 'Security lead', phone: '', email: '' },
      { key: 'it_admin', partyKey: 'internal_it', name: 'Ida Lindqvist', role: 'IT admin', phone: '', email: '' },
      { key: 'practice_owner', partyKey: 'business', name: 'Olivia Chen', role: 'Owner', phone: '', email: '' },
    ],
    paths: [testPath()],
    ...overrides,
  };
}
