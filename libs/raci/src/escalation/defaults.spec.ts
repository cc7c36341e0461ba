import { templateContent } from '../templates';
import { matrix, party } from '../testing/factories';
import { defaultEscalationPolicy } from './defaults';

describe('defaultEscalationPolicy', () => {
  const content = templateContent('co_managed');

  it('has P1 to P4, most severe first, each with criteria a business owner can apply', () => {
    const { severities } = defaultEscalationPolicy(content);
    expect(severities.map((s) => [s.key, s.name])).toEqual([
      ['p1', 'P1 Emergency'],
      ['p2', 'P2 High'],
      ['p3', 'P3 Normal'],
      ['p4', 'P4 Low'],
    ]);
    expect(severities[0].criteria).toContain('ransomware');
    expect(severities[0].criteria).toContain('cannot see patients');
    expect(severities[3].criteria).toMatch(/^Requests and questions/);
  });

  it('answers an emergency within 15 minutes by day and 30 at night, and never resolves before it responds', () => {
    const { severities } = defaultEscalationPolicy(content);
    expect(severities[0].businessHours).toEqual({ responseMinutes: 15, resolutionMinutes: 240 });
    expect(severities[0].afterHours).toEqual({ responseMinutes: 30, resolutionMinutes: 480 });
    for (const s of severities) {
      expect(s.businessHours.resolutionMinutes).toBeGreaterThanOrEqual(s.businessHours.responseMinutes);
      expect(s.afterHours.responseMinutes).toBeGreaterThanOrEqual(s.businessHours.responseMinutes);
    }
    // Lower severities never get faster targets than higher ones.
    const responses = severities.map((s) => s.businessHours.responseMinutes);
    expect(responses).toEqual([...responses].sort((a, b) => a - b));
  });

  it('opens the business Monday to Friday, 08:00 to 17:00, in the given zone', () => {
    const { businessHours } = defaultEscalationPolicy(content, 'Europe/Berlin');
    expect(businessHours).toEqual({
      timeZone: 'Europe/Berlin',
      alwaysOn: false,
      holidays: [],
      weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '08:00', end: '17:00' })),
    });
    expect(defaultEscalationPolicy(content).businessHours.timeZone).toBe('America/New_York');
  });

  it('puts the MSP on duty 24/7 and every other party, custom ones included, on office hours', () => {
    const withVendor = matrix({ parties: [party('msp'), party('business'), party('cloud_vendor')] });
    const { coverage } = defaultEscalationPolicy(withVendor);
    expect(coverage.map((c) => [c.partyKey, c.alwaysOn, c.weekly.length])).toEqual([
      ['msp', true, 5],
      ['business', false, 5],
      ['cloud_vendor', false, 5],
    ]);
  });

  it('invents no people and no paths', () => {
    const policy = defaultEscalationPolicy(content);
    expect(policy.contacts).toEqual([]);
    expect(policy.paths).toEqual([]);
  });

  it('hands out a fresh copy each time', () => {
    const first = defaultEscalationPolicy(content);
    first.severities[0].businessHours.responseMinutes = 1;
    first.businessHours.weekly.pop();
    const second = defaultEscalationPolicy(content);
    expect(second.severities[0].businessHours.responseMinutes).toBe(15);
    expect(second.businessHours.weekly).toHaveLength(5);
  });
});
