import { type MatrixContent } from '../matrix';
import { type EscalationPolicy, type SeverityLevel, type WeeklyWindow } from './types';

/**
 * The policy a new matrix starts with: the usual four severities with their criteria and targets,
 * the client's office hours, and when each party is on duty. It names no people and no paths: a
 * default must not invent who is called; the MSP fills those in with the client.
 */

/**
 * Targets as most MSP agreements write them: an emergency is answered within a quarter of an hour
 * by day and half an hour at night; lower severities wait for the next business day after hours.
 */
export const DEFAULT_SEVERITIES: readonly SeverityLevel[] = [
  {
    key: 'p1',
    name: 'P1 Emergency',
    criteria:
      'The business has stopped, or a security incident is in progress. For example: ransomware is encrypting files, the practice cannot see patients or take payments, nobody can sign in or reach e-mail, the whole office has lost its internet connection, or data is being stolen. Phone; do not just open a ticket.',
    businessHours: { responseMinutes: 15, resolutionMinutes: 4 * 60 },
    afterHours: { responseMinutes: 30, resolutionMinutes: 8 * 60 },
  },
  {
    key: 'p2',
    name: 'P2 High',
    criteria:
      "A problem stops a team, a site or an important system, or a security alert needs checking now, but the business can keep going with a workaround. For example: the phone system or a key application is down for several people, a server or last night's backup failed, or someone clicked a link in a suspicious e-mail.",
    businessHours: { responseMinutes: 60, resolutionMinutes: 8 * 60 },
    afterHours: { responseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
  },
  {
    key: 'p3',
    name: 'P3 Normal',
    criteria:
      'One person or a few cannot work as usual, but there is a workaround or it can wait a few hours. For example: a laptop that will not start, a printer that does not print, an error in an application, or an e-mail that does not arrive.',
    businessHours: { responseMinutes: 4 * 60, resolutionMinutes: 2 * 24 * 60 },
    afterHours: { responseMinutes: 16 * 60, resolutionMinutes: 3 * 24 * 60 },
  },
  {
    key: 'p4',
    name: 'P4 Low',
    criteria:
      'Requests and questions that can be planned. For example: setting up a new starter, installing software, changing who can open a folder, advice, or a quote for new equipment.',
    businessHours: { responseMinutes: 8 * 60, resolutionMinutes: 5 * 24 * 60 },
    afterHours: { responseMinutes: 24 * 60, resolutionMinutes: 7 * 24 * 60 },
  },
];

/** Monday to Friday, 08:00 to 17:00. */
export function officeHours(): WeeklyWindow[] {
  return (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '08:00', end: '17:00' }));
}

/**
 * A fresh default policy for the matrix: P1 to P4, the client's business hours Monday to Friday
 * 08:00 to 17:00 in `timeZone`, the MSP on duty 24/7 and every other party during office hours,
 * no contacts and no paths. Every party keeps office hours in `weekly`, the MSP too, so that
 * switching 24/7 off in the form leaves sensible hours rather than none.
 */
export function defaultEscalationPolicy(content: MatrixContent, timeZone = 'America/New_York'): EscalationPolicy {
  const parties = content.parties.filter((party, i) => content.parties.findIndex((p) => p.key === party.key) === i);
  return {
    severities: DEFAULT_SEVERITIES.map((s) => ({
      ...s,
      businessHours: { ...s.businessHours },
      afterHours: { ...s.afterHours },
    })),
    businessHours: { timeZone, alwaysOn: false, weekly: officeHours(), holidays: [] },
    coverage: parties.map((party) => ({
      partyKey: party.key,
      timeZone,
      alwaysOn: party.kind === 'msp',
      weekly: officeHours(),
      holidays: [],
    })),
    contacts: [],
    paths: [],
  };
}
