/**
 * Escalation test data: builders for the spec files, and Harbor Dental's policy, a realistic one
 * the API seed and tests can reuse. Not exported from index.ts. Everything here is deterministic:
 * the same arguments always build the same policy.
 */
import { type MatrixContent } from '../matrix';
import { defaultEscalationPolicy, officeHours } from '../escalation/defaults';
import {
  type Channel,
  type Contact,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  type PartyCoverage,
  type Schedule,
  type WeeklyWindow,
} from '../escalation/types';

export function step(
  partyKey: string,
  contactKey: string | null,
  waitMinutes: number,
  channel: Channel = 'phone',
): EscalationStep {
  return { partyKey, contactKey, channel, waitMinutes };
}

/** A category path for every severity, no after-hours steps, no repeat, unless told otherwise. */
export function escalationPath(key: string, overrides: Partial<EscalationPath> = {}): EscalationPath {
  return {
    key,
    category: overrides.responsibilityKey ? null : 'threat_response',
    responsibilityKey: null,
    severities: [],
    steps: [step('msp', null, 10)],
    repeat: 0,
    afterHours: null,
    review: null,
    ...overrides,
  };
}

export function schedule(timeZone: string, weekly: WeeklyWindow[] = officeHours(), holidays: string[] = []): Schedule {
  return { timeZone, alwaysOn: false, weekly, holidays };
}

export function coverage(partyKey: string, of: Schedule): PartyCoverage {
  return { partyKey, ...of };
}

export function alwaysOn(partyKey: string, timeZone: string): PartyCoverage {
  return { partyKey, timeZone, alwaysOn: true, weekly: [], holidays: [] };
}

/** The default policy of `content` in `timeZone` with the given paths, contacts and coverage replacing the defaults. */
export function policyWith(
  content: MatrixContent,
  timeZone: string,
  overrides: Partial<EscalationPolicy> = {},
): EscalationPolicy {
  return { ...defaultEscalationPolicy(content, timeZone), ...overrides };
}

/** US public holidays of 2026 that fall on weekdays, on which the practice is closed. */
export const HARBOR_HOLIDAYS_2026 = [
  '2026-01-01',
  '2026-05-25',
  '2026-07-03',
  '2026-09-07',
  '2026-11-26',
  '2026-12-25',
];

export const HARBOR_CONTACTS: readonly Contact[] = [
  {
    key: 'msp_noc_on_call',
    partyKey: 'msp',
    name: 'Northwind NOC on-call',
    role: '24/7 on-call engineer',
    phone: '+1 555 0100',
    email: 'noc@northwind.example',
  },
  {
    key: 'msp_security_lead',
    partyKey: 'msp',
    name: 'Sam Rivera',
    role: 'Security lead',
    phone: '+1 555 0101',
    email: 'sam@northwind.example',
  },
  {
    key: 'internal_it_admin',
    partyKey: 'internal_it',
    name: 'Ida Hart',
    role: 'IT administrator',
    phone: '+1 555 0142',
    email: 'ida@harbordental.example',
  },
  {
    key: 'business_owner',
    partyKey: 'business',
    name: 'Olivia Grant',
    role: 'Practice owner',
    phone: '+1 555 0143',
    email: 'olivia@harbordental.example',
  },
];

/**
 * Harbor Dental's policy, for the co-managed template (parties msp, internal_it and business):
 * the default severities, the practice open Monday to Friday 08:00 to 17:00 except on public
 * holidays, the MSP's NOC on duty 24/7, Ida (internal IT) 07:30 to 16:30 on weekdays, and four
 * paths. Security incidents (category threat_response) at P1 call Ida, then the MSP's security
 * lead, then the owner by day, and the NOC, the security lead and the owner after hours; other
 * security problems go to the MSP by ticket; isolating an infected device has its own MSP-only
 * path; help desk problems go to Ida, then the NOC.
 */
export function harborPolicy(content: MatrixContent, timeZone = 'America/New_York'): EscalationPolicy {
  const base = defaultEscalationPolicy(content, timeZone);
  // A fresh schedule each time: shared arrays would make an edit of one change the other.
  const practice = () => schedule(timeZone, officeHours(), [...HARBOR_HOLIDAYS_2026]);
  const itHours = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '07:30', end: '16:30' }));
  return {
    ...base,
    businessHours: practice(),
    coverage: [
      { ...alwaysOn('msp', timeZone), weekly: officeHours() },
      coverage('internal_it', schedule(timeZone, itHours, [...HARBOR_HOLIDAYS_2026])),
      coverage('business', practice()),
    ],
    contacts: HARBOR_CONTACTS.map((c) => ({ ...c })),
    paths: [
      escalationPath('security_incident_p1', {
        category: 'threat_response',
        severities: ['p1'],
        steps: [
          step('internal_it', 'internal_it_admin', 5),
          step('msp', 'msp_security_lead', 10),
          step('business', 'business_owner', 10),
        ],
        repeat: 1,
        afterHours: {
          steps: [
            step('msp', 'msp_noc_on_call', 10),
            step('msp', 'msp_security_lead', 10),
            step('business', 'business_owner', 10, 'sms'),
          ],
          repeat: 2,
        },
      }),
      escalationPath('security_other', {
        category: 'threat_response',
        steps: [step('msp', null, 60, 'ticket'), step('internal_it', 'internal_it_admin', 60, 'email')],
      }),
      escalationPath('isolate_infected_device', {
        category: null,
        responsibilityKey: 'device_isolation',
        steps: [step('msp', 'msp_noc_on_call', 5), step('msp', 'msp_security_lead', 10)],
        repeat: 2,
      }),
      escalationPath('help_desk', {
        category: 'help_desk',
        steps: [step('internal_it', null, 15), step('msp', null, 15)],
        repeat: 1,
        afterHours: { steps: [step('msp', 'msp_noc_on_call', 15)], repeat: 1 },
      }),
    ],
  };
}
