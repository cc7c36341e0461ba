import { describe, expect, it } from 'vitest';
import { step, testContent, testPath, testPolicy } from '../../../test/escalation-policy';
import { calleeName, pathSummary, reviewLabel, scheduleSummary, sequenceSummary } from './describe';

describe('scheduleSummary', () => {
  const base = { timeZone: 'America/New_York', alwaysOn: false, holidays: [] as string[] };

  it('writes days with the same hours as a range', () => {
    const weekly = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '08:00', end: '17:00' }));
    expect(scheduleSummary({ ...base, weekly })).toBe('Mon–Fri 08:00–17:00');
    expect(scheduleSummary({ ...base, weekly, alwaysOn: true })).toBe('24/7');
  });

  it('breaks the range where the hours differ, and lists split shifts', () => {
    const weekly = [
      { day: 'mon' as const, start: '08:00', end: '12:00' },
      { day: 'mon' as const, start: '13:00', end: '17:00' },
      { day: 'tue' as const, start: '08:00', end: '17:00' },
      { day: 'wed' as const, start: '08:00', end: '17:00' },
      { day: 'sat' as const, start: '10:00', end: '24:00' },
    ];
    expect(scheduleSummary({ ...base, weekly, holidays: ['2026-12-25'] })).toBe(
      'Mon 08:00–12:00, 13:00–17:00; Tue–Wed 08:00–17:00; Sat 10:00–24:00 (1 holiday off)',
    );
  });

  it('says so when nobody is ever on duty', () => {
    expect(scheduleSummary({ ...base, weekly: [] })).toBe('No hours: never on duty');
  });
});

describe('step and path summaries', () => {
  const policy = testPolicy();

  it('names the contact, or the party’s first contact when the step names none', () => {
    expect(calleeName(step('internal_it', 'it_admin'), policy, testContent)).toBe('Internal IT (Ida Lindqvist)');
    expect(calleeName(step('msp', null), policy, testContent)).toBe('Northwind (Northwind NOC on-call)');
    expect(calleeName(step('business', null), { contacts: [] }, testContent)).toBe('Business');
  });

  it('reads a sequence in calling order with its waits and repeats', () => {
    expect(
      sequenceSummary(
        { steps: [step('msp', 'noc_on_call', 10), step('msp', 'security_lead', 15)], repeat: 0 },
        policy,
        testContent,
      ),
    ).toBe('Northwind (Northwind NOC on-call) by phone, 10 min → Northwind (Sam Patel) by phone');
    expect(pathSummary(testPath(), policy, testContent)).toBe(
      'Threat response, all severities: Internal IT (Ida Lindqvist) by phone, 10 min → Northwind (Sam Patel) by phone, 15 min → Business (Olivia Chen) by phone, 15 min; runs 2 times. After hours: Northwind (Northwind NOC on-call) by phone, 10 min → Northwind (Sam Patel) by phone, 15 min; runs 3 times',
    );
  });

  it('says who reviewed a path and when', () => {
    expect(reviewLabel({ userId: 'u', name: 'Sam Patel', at: '2026-11-02T15:30:00.000Z' })).toBe(
      'Reviewed by Sam Patel on 2 Nov 2026',
    );
    expect(reviewLabel(null)).toBe('Not reviewed');
  });
});
